/** What a public case must not contain: the checks run before a case is saved. */

export type PersonalDataKind = "phone" | "id_number" | "email" | "author";

const PERSONAL_PATTERNS: [PersonalDataKind, RegExp][] = [
  // 18-digit resident ID (last may be X), before phones: it holds 11-digit runs.
  ["id_number", /(?<!\d)\d{17}[\dXx](?!\d)/],
  // Mainland mobiles, spaced or dashed (138 0000 0001), and landlines (0573-83000000).
  ["phone", /(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)|(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/],
  ["email", /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/],
];

/**
 * The first kind of personal data found in `texts`: phone and ID numbers, e-mail
 * addresses, or any of `names` (the note's author). Null when the texts look clean.
 */
export function findPersonalData(
  texts: readonly string[],
  names: readonly string[] = [],
): PersonalDataKind | null {
  const joined = texts.join("\n").normalize("NFKC");
  for (const [kind, pattern] of PERSONAL_PATTERNS) if (pattern.test(joined)) return kind;
  for (const name of names) {
    const n = name.trim();
    if (n.length >= 2 && joined.includes(n)) return "author";
  }
  return null;
}
