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

/** Day numbers of years 0000-9999 offset by this are positive and below 2^22, so a run packs into a double exactly. */
const PACKING_OFFSET = 2 ** 20;
const PACKING_SCALE = 2 ** 22;

/** Runs of days as two typed columns that double when full: start/end[0 .. length - 1]. */
export class RunColumns {
  start: Int32Array;
  end: Int32Array;
  length = 0;

  constructor(capacity = 8) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  add(start: number, end: number): void {
    if (this.length === this.start.length) this.grow();
    this.start[this.length] = start;
    this.end[this.length++] = end;
  }

  private grow(): void {
    const start = new Int32Array(2 * this.start.length);
    start.set(this.start);
    this.start = start;
    const end = new Int32Array(2 * this.end.length);
    end.set(this.end);
    this.end = end;
  }
}

/**
 * mergeRuns in typed arrays that one caller reuses for seeker after seeker: runs are added
 * in any order, then merge() leaves start/end[0 .. length - 1] sorted, disjoint and not
 * touching, as mergeRuns would return them. Preparing an instance wrote 5,000 seekers' runs
 * as run objects that only the pair search's typed columns then read.
 */
export class MergedRunScratch extends RunColumns {
  private packed = new Float64Array(0);

  clear(): void {
    this.length = 0;
  }

  merge(): void {
    this.sort();
    let kept = 0;
    for (let at = 0; at < this.length; at++) {
      if (kept > 0 && this.start[at] <= this.end[kept - 1] + 1) {
        this.end[kept - 1] = Math.max(this.end[kept - 1], this.end[at]);
      } else {
        this.start[kept] = this.start[at];
        this.end[kept++] = this.end[at];
      }
    }
    this.length = kept;
  }

  /** By start, then end: by insertion for a seeker's few runs, else as packed doubles by the native sort. */
  private sort(): void {
    const { start, end, length } = this;
    if (length <= INSERTION_SORT_RUNS) {
      for (let i = 1; i < length; i++) {
        const runStart = start[i];
        const runEnd = end[i];
        let j = i - 1;
        while (j >= 0 && (start[j] > runStart || (start[j] === runStart && end[j] > runEnd))) {
          start[j + 1] = start[j];
          end[j + 1] = end[j];
          j--;
        }
        start[j + 1] = runStart;
        end[j + 1] = runEnd;
      }
      return;
    }
    if (this.packed.length < length) this.packed = new Float64Array(this.start.length);
    const packed = this.packed.subarray(0, length);
    for (let at = 0; at < length; at++) packed[at] = (start[at] + PACKING_OFFSET) * PACKING_SCALE + (end[at] + PACKING_OFFSET);
    packed.sort();
    for (let at = 0; at < length; at++) {
      const shiftedStart = Math.floor(packed[at] / PACKING_SCALE);
      start[at] = shiftedStart - PACKING_OFFSET;
      end[at] = packed[at] - shiftedStart * PACKING_SCALE - PACKING_OFFSET;
    }
  }

}

/** subtractRuns on merged scratch runs: calls `keep` with each run of days of `from` in no run of `removed`, in order. */
export function forEachRunLeft(from: MergedRunScratch, removed: MergedRunScratch, keep: (start: number, end: number) => void): void {
  let next = 0;
  for (let run = 0; run < from.length; run++) {
    let start = from.start[run];
    const end = from.end[run];
    while (next < removed.length && removed.end[next] < start) next++;
    let cursor = next;
    while (cursor < removed.length && removed.start[cursor] <= end) {
      if (removed.start[cursor] > start) keep(start, removed.start[cursor] - 1);
      start = Math.max(start, removed.end[cursor] + 1);
      cursor++;
    }
    if (start <= end) keep(start, end);
  }
}
