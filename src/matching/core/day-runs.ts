/** Inclusive runs of day numbers, kept sorted and disjoint once merged. */
export interface DayRun {
  readonly start: number;
  readonly end: number;
}

/** Up to this many runs are sorted by insertion. */
const INSERTION_SORT_RUNS = 16;

/**
 * Sorted, disjoint runs covering the same days. Runs that overlap or touch (one ends the day
 * before the other starts) join: 01-31 followed by 02-01 is one continuous run.
 */
export function mergeRuns(runs: readonly DayRun[]): DayRun[] {
  const sorted = sortedRuns(runs);
  const merged: { start: number; end: number }[] = [];
  for (const run of sorted) {
    const last = merged[merged.length - 1];
    if (last && run.start <= last.end + 1) last.end = Math.max(last.end, run.end);
    else merged.push({ start: run.start, end: run.end });
  }
  return merged;
}

/**
 * By start, then end. A seeker lists a few ranges: those are sorted by insertion, since the
 * built-in sort allocated most of a kilobyte per call (a quarter of the seekers of a realistic
 * instance list two). Equal runs are interchangeable, so any sort gives the same merge.
 */
function sortedRuns(runs: readonly DayRun[]): DayRun[] {
  const sorted = [...runs];
  if (sorted.length > INSERTION_SORT_RUNS) return sorted.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const run = sorted[i];
    let j = i - 1;
    while (j >= 0 && (sorted[j].start > run.start || (sorted[j].start === run.start && sorted[j].end > run.end))) {
      sorted[j + 1] = sorted[j];
      j--;
    }
    sorted[j + 1] = run;
  }
  return sorted;
}

/** Days of the merged runs `from` that are in none of the merged runs `removed`. */
export function subtractRuns(from: readonly DayRun[], removed: readonly DayRun[]): DayRun[] {
  const result: DayRun[] = [];
  let next = 0;
  for (const run of from) {
    let start = run.start;
    while (next < removed.length && removed[next].end < start) next++;
    let cursor = next;
    while (cursor < removed.length && removed[cursor].start <= run.end) {
      if (removed[cursor].start > start) result.push({ start, end: removed[cursor].start - 1 });
      start = Math.max(start, removed[cursor].end + 1);
      cursor++;
    }
    if (start <= run.end) result.push({ start, end: run.end });
  }
  return result;
}

/** Parts of the merged runs that fall inside [start, end]. */
export function clipRuns(runs: readonly DayRun[], start: number, end: number): DayRun[] {
  const clipped: DayRun[] = [];
  for (const run of runs) {
    if (run.end < start || run.start > end) continue;
    clipped.push({ start: Math.max(run.start, start), end: Math.min(run.end, end) });
  }
  return clipped;
}

/** The merged run containing every day of [start, end], if any (binary search). */
export function runContaining(runs: readonly DayRun[], start: number, end: number): DayRun | undefined {
  let low = 0;
  let high = runs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const run = runs[middle];
    if (run.end < start) low = middle + 1;
    else if (run.start > start) high = middle - 1;
    else return run.end >= end ? run : undefined;
  }
  return undefined;
}
