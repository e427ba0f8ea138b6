// What the widget says before the visitor writes: the brand, the language, the promise ("a person
// answers you by …", the same words as the acknowledgements) and whether someone is online now.
import { calendarOf, firstAnswerDueFor } from "../../commands/conversation/clocks.ts";
import { type Language, languages } from "../../domain/language.ts";
import { promiseText } from "../../domain/sla/promise-text.ts";
import { type Availability, brandAvailability } from "../../domain/widget/availability.ts";
import type { Runtime } from "../../runtime.ts";
import { teamAdvisors, type WidgetBrand } from "../../store/queries/widget.ts";

export type WidgetConfig = {
  brand: string;
  language: Language;
  promise: string | null;
  availability: Availability;
};

/** The page's or browser's language when the desk speaks it, else the brand's. */
export function widgetLanguage(asked: string | undefined, brandLanguage: string): Language {
  const wanted = (asked ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  const known = (l: string): l is Language => (languages as readonly string[]).includes(l);
  if (known(wanted)) return wanted;
  return known(brandLanguage) ? brandLanguage : "en";
}

export async function widgetConfig(
  rt: Runtime,
  brand: WidgetBrand,
  language: Language,
  consolesOpen: ReadonlySet<string>,
): Promise<WidgetConfig> {
  const now = rt.now();
  const [calendar, advisors, due] = await Promise.all([
    calendarOf(rt.db, brand),
    brand.teamId ? teamAdvisors(rt.db, brand.workspaceId, brand.teamId) : Promise.resolve([]),
    firstAnswerDueFor(rt.db, brand, "chat", now),
  ]);
  return {
    brand: brand.name,
    language,
    promise: due ? promiseText({ due, now, timeZone: calendar.timeZone, language }) : null,
    availability: brandAvailability({ now, calendar, advisors, consolesOpen }),
  };
}
