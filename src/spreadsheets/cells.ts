/**
 * Cell text → the values a JSON body would carry. What cannot be read is passed on as the
 * text itself, so the DTO's own rule (isInt, isCalendarDate, isIn …) reports it with the
 * API's code; nothing here invents a second set of rules.
 */

/** '' → undefined: an empty cell is an absent field. */
export function optionalText(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/** '20', '20.0', '11,000' → a number; anything else stays text. */
export function cellNumber(text: string): number | string | undefined {
  if (text === '') return undefined;
  const plain = text.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : text;
}

const TRUE_WORDS = new Set(['y', 'yes', 'true', '예', '네', 'o', '○', '동의', '해당', '1']);
const FALSE_WORDS = new Set(['n', 'no', 'false', '아니오', '아니요', 'x', '×', '미동의', '비해당', '0']);

/** Y/N, 예/아니오, 동의/미동의, TRUE/FALSE (Excel) → boolean; anything else stays text. */
export function cellBoolean(text: string): boolean | string | undefined {
  if (text === '') return undefined;
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return text;
}

/** 2026.3.2, 2026/03/02, 2026-3-2 → 2026-03-02; anything else stays text. */
export function cellDate(text: string): string | undefined {
  if (text === '') return undefined;
  const match = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?$/.exec(text);
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : text;
}

/** 'a, b; c' → ['a', 'b', 'c']; an empty cell → undefined. */
export function cellList(text: string): string[] | undefined {
  if (text === '') return undefined;
  return text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A code written as itself or as its Korean label (출산전후휴가 → maternity); unknown text stays as written. */
export function codeOrLabel(text: string, labels: Readonly<Record<string, string>>): string | undefined {
  if (text === '') return undefined;
  if (text in labels) return text;
  const found = Object.entries(labels).find(([, label]) => label === text);
  return found ? found[0] : text;
}

/** Excel stores 01012345678 typed into a number cell as 1012345678: the leading 0 of a Korean mobile number comes back. */
export function cellPhone(text: string): string | undefined {
  if (text === '') return undefined;
  return /^1[016789]\d{7,8}$/.test(text) ? `0${text}` : text;
}

/** The body without the fields whose cells were empty: absent, as in a JSON request that leaves them out. */
export function withoutUndefined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
