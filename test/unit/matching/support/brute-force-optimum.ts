/**
 * The contract's objective by exhaustive search, for instances small enough to enumerate:
 * every way of giving each vacancy one of its candidates or nobody, keeping each seeker's
 * periods free of shared days. Scores are compared in integer hundredths, so ties are exact.
 */

export interface BruteForcePair {
  readonly vacancyId: string;
  readonly seekerId: string;
  readonly score: number;
}

export interface BruteForcePeriod {
  readonly id: string;
  readonly start: string;
  readonly end: string;
}

export function bruteForceOptimum(
  vacancies: readonly BruteForcePeriod[],
  pairs: readonly BruteForcePair[],
): { filled: number; totalScore: number } {
  const periodOf = new Map(vacancies.map((vacancy) => [vacancy.id, vacancy]));
  const taken = new Map<string, BruteForcePeriod[]>();
  const overlaps = (a: BruteForcePeriod, b: BruteForcePeriod) => a.start <= b.end && b.start <= a.end;
  let best = { filled: 0, hundredths: 0 };

  const search = (index: number, filled: number, hundredths: number) => {
    if (index === vacancies.length) {
      if (filled > best.filled || (filled === best.filled && hundredths > best.hundredths)) best = { filled, hundredths };
      return;
    }
    const vacancy = vacancies[index];
    search(index + 1, filled, hundredths);
    for (const pair of pairs) {
      if (pair.vacancyId !== vacancy.id) continue;
      const periods = taken.get(pair.seekerId) ?? [];
      if (periods.some((period) => overlaps(period, periodOf.get(pair.vacancyId)!))) continue;
      taken.set(pair.seekerId, [...periods, vacancy]);
      search(index + 1, filled + 1, hundredths + Math.round(pair.score * 100));
      taken.set(pair.seekerId, periods);
    }
  };
  search(0, 0, 0);
  return { filled: best.filled, totalScore: best.hundredths / 100 };
}
