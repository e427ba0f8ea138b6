// A result's text with the words searched for in <mark>: the runs come as plain text, so nothing a
// customer wrote is ever read as markup.
import type { Run } from "../../api/search.ts";

export function MarkedText({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, index) =>
        run.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs are fixed pieces of one text, in order.
          <mark key={index}>{run.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs are fixed pieces of one text, in order.
          <span key={index}>{run.text}</span>
        ),
      )}
    </>
  );
}
