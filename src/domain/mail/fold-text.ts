// French and English text folded for matching: lower-case, accents and ligatures dropped, so
// that "Vous avez GAGNÉ" and "vous avez gagne" are the same words to the spam rules and model.

const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ﬁ: "fi", ﬂ: "fl" };

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[œæßﬁﬂ]/g, (char) => LIGATURES[char] ?? char)
    .replace(/[\u2018\u2019\u02bc]/g, "'");
}
