// A message as the visitor's widget shows it: who wrote it (the visitor or a named person), the text.
import type { visitorMessages } from "../../store/queries/widget.ts";

type Row = Awaited<ReturnType<typeof visitorMessages>>[number];

export type VisibleMessage = {
  id: string;
  from: "visitor" | "advisor";
  author_name: string;
  body: string;
  created_at: string;
};

export function visibleMessage(m: Row): VisibleMessage {
  return {
    id: m.id,
    from: m.direction === "inbound" ? "visitor" : "advisor",
    author_name: m.direction === "inbound" ? "" : m.authorName,
    body: m.bodyText,
    created_at: m.createdAt.toISOString(),
  };
}
