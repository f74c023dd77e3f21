import { getChoseong } from 'es-hangul';

/** 백승우 → ㅂㅅㅇ: what the list search compares an initial-consonant query with. */
export function nameInitials(name: string | null): string | null {
  if (name === null) return null;
  return getChoseong(name).replace(/\s+/g, '');
}

/** `ㅂㅅㅇ` or `ㅂ ㅅ ㅇ`: a query of initial consonants only (as typed on a Korean keyboard). */
export function initialsQuery(query: string): string | undefined {
  const compact = query.replace(/\s+/g, '');
  return /^[ㄱ-ㅎ]+$/.test(compact) ? compact : undefined;
}

/** `5678`, `010-1234`: a query of at least three digits (and dashes) searches phone numbers. */
export function phoneDigitsQuery(query: string): string | undefined {
  if (!/^[\d\s-]+$/.test(query)) return undefined;
  const digits = query.replace(/\D/g, '');
  return digits.length >= 3 ? digits : undefined;
}

/** `%text%` for ILIKE, with LIKE's wildcards in the text escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
