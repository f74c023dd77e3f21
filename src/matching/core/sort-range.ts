/**
 * Runs this short are sorted by insertion: most vacancies have a few candidates, and a
 * comparator called from the built-in sort (with its set-up per call) cost most of sorting
 * them (pruning on small problems, ranking every vacancy's candidates).
 */
const INSERTION_SORT_LENGTH = 24;

/** Sorts values[from .. to - 1] in place by `compare`, which must be a total order (then any correct sort gives this order). */
export function sortRange(values: Int32Array, from: number, to: number, compare: (a: number, b: number) => number): void {
  if (to - from > INSERTION_SORT_LENGTH) {
    values.subarray(from, to).sort(compare);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= from && compare(values[j], value) > 0) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
}
