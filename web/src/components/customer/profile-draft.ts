// The profile as its edit form holds it (addresses and numbers one a line, dates as rows) and the
// change to send: only the fields the advisor changed, so an edit never overwrites another's.
import type { Channel, Customer, CustomerPatch, ImportantDate } from "../../api/types.ts";

export type DateRow = { kind: string; date: string };

export type ProfileDraft = {
  name: string;
  emails: string;
  phones: string;
  language: string;
  channel: Channel | "";
  contactTimes: string;
  dates: DateRow[];
  notes: string;
};

const reach = (customer: Customer, kind: "email" | "phone") =>
  customer.identities.filter((i) => i.kind === kind).map((i) => i.display_value || i.value);

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

/** `kindText` shows a stored kind ("birthday") in the advisor's words ("Anniversaire"). */
export function draftOf(customer: Customer, kindText: (kind: string) => string): ProfileDraft {
  return {
    name: customer.name,
    emails: reach(customer, "email").join("\n"),
    phones: reach(customer, "phone").join("\n"),
    language: customer.preferred_language ?? "",
    channel: customer.preferred_channel ?? "",
    contactTimes: customer.contact_times,
    dates: customer.important_dates.map((d) => ({ kind: kindText(d.kind), date: d.date })),
    notes: customer.notes,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * What changed between the profile and the draft. `kindOf` turns the advisor's words back into a
 * stored kind ("Anniversaire" → "birthday"); rows left without a kind or a date are dropped.
 */
export function patchOf(
  customer: Customer,
  draft: ProfileDraft,
  kindOf: (text: string) => string,
): CustomerPatch {
  const patch: CustomerPatch = {};
  const name = draft.name.trim();
  if (name !== customer.name) patch.name = name;
  const emails = lines(draft.emails);
  if (!sameList(emails, reach(customer, "email"))) patch.emails = emails;
  const phones = lines(draft.phones);
  if (!sameList(phones, reach(customer, "phone"))) patch.phones = phones;
  const language = draft.language === "" ? null : draft.language;
  if (language !== customer.preferred_language) patch.preferred_language = language;
  const channel = draft.channel === "" ? null : draft.channel;
  if (channel !== customer.preferred_channel) patch.preferred_channel = channel;
  const contactTimes = draft.contactTimes.trim();
  if (contactTimes !== customer.contact_times) patch.contact_times = contactTimes;
  const dates: ImportantDate[] = draft.dates
    .map((row) => ({ kind: kindOf(row.kind.trim()), date: row.date }))
    .filter((row) => row.kind !== "" && row.date !== "");
  const datesText = (list: readonly ImportantDate[]) => list.map((d) => `${d.kind}\u0000${d.date}`);
  if (!sameList(datesText(dates), datesText(customer.important_dates))) {
    patch.important_dates = dates;
  }
  if (draft.notes !== customer.notes) patch.notes = draft.notes;
  return patch;
}
