import { distance } from 'fastest-levenshtein';

export interface Suggestible {
  readonly code: string;
  readonly labelKo: string;
  readonly labelEn: string;
  readonly synonyms: readonly string[];
}

const MAX_SUGGESTIONS = 3;

const normalized = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The catalogue codes nearest to a code nobody knows: a label or synonym the input contains
 * (or that contains it) first, then the smallest edit distance to a code or label, as long
 * as it is no more than half the input's length (beyond that a suggestion is noise).
 */
export function nearestCodes(input: string, entries: readonly Suggestible[]): string[] {
  const wanted = normalized(input);
  if (wanted === '') return [];
  const scored = entries.map((entry) => {
    const names = [entry.code, entry.labelKo, entry.labelEn, ...entry.synonyms].map(normalized).filter((name) => name !== '');
    const contains = names.some((name) => name.includes(wanted) || (name.length >= 2 && wanted.includes(name)));
    const nearest = Math.min(...names.map((name) => distance(wanted, name)));
    return { code: entry.code, score: contains ? 0 : nearest };
  });
  const limit = Math.max(2, Math.floor(wanted.length / 2));
  return scored
    .filter((candidate) => candidate.score <= limit)
    .sort((a, b) => a.score - b.score || a.code.localeCompare(b.code))
    .slice(0, MAX_SUGGESTIONS)
    .map((candidate) => candidate.code);
}
