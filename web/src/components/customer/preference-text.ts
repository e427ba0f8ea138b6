// A structured preference in words, in the console's language: its kind, then the advisor's words.
import type { TFunction } from "i18next";
import { PREFERENCE_KINDS } from "../../api/types.ts";
import { oneOf } from "../../display/one-of.ts";

export function preferenceKindLabel(t: TFunction, kind: string): string {
  return oneOf(PREFERENCE_KINDS, kind) ? t(`glance.kind.${kind}`) : kind;
}

export function preferenceText(t: TFunction, p: { kind: string; text: string }): string {
  return `${preferenceKindLabel(t, p.kind)} — ${p.text}`;
}
