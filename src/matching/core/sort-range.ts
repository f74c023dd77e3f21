/**
 * Runs this short are sorted by insertion: most vacancies have a few candidates, and the
 * built-in sort's set-up per call cost most of sorting them. sortRangeByScore merges such runs.
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

/** Whether a goes before b: higher score, then lower tie, then lower value. */
function precedes(score: Float64Array | Int32Array, tie: Int32Array, a: number, b: number): boolean {
  const left = score[a];
  const right = score[b];
  if (left !== right) return left > right;
  return tie[a] !== tie[b] ? tie[a] < tie[b] : a < b;
}

/**
 * Sorts values[from .. to - 1] in place, higher score[value] first, then lower tie[value],
 * then lower value: the order of a vacancy's candidates. The comparisons are written out, not
 * a comparator: sortRange's comparator, a closure it shares with every caller, was not inlined,
 * and those calls were most of sorting realistic-500's candidates (0.6 of pruning's 2 ms).
 * `scratch` holds at least to - from values (a merge sort above INSERTION_SORT_LENGTH).
 */
export function sortRangeByScore(
  values: Int32Array,
  from: number,
  to: number,
  score: Float64Array | Int32Array,
  tie: Int32Array,
  scratch: Int32Array,
): void {
  for (let i = from + 1; i < to; i++) {
    const value = values[i];
    let j = i - 1;
    // Runs of INSERTION_SORT_LENGTH by insertion, then merged.
    const runStart = i - ((i - from) % INSERTION_SORT_LENGTH);
    while (j >= runStart && precedes(score, tie, value, values[j])) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
  let source = values;
  let target = scratch;
  let sourceOffset = from;
  let targetOffset = 0;
  const length = to - from;
  for (let width = INSERTION_SORT_LENGTH; width < length; width *= 2) {
    for (let left = 0; left < length; left += 2 * width) {
      const middle = Math.min(left + width, length);
      const right = Math.min(left + 2 * width, length);
      let a = left;
      let b = middle;
      let out = left;
      while (a < middle && b < right) {
        const x = source[sourceOffset + a];
        const y = source[sourceOffset + b];
        if (precedes(score, tie, y, x)) {
          target[targetOffset + out++] = y;
          b++;
        } else {
          target[targetOffset + out++] = x;
          a++;
        }
      }
      while (a < middle) target[targetOffset + out++] = source[sourceOffset + a++];
      while (b < right) target[targetOffset + out++] = source[sourceOffset + b++];
    }
    const merged = target;
    target = source;
    source = merged;
    const mergedOffset = targetOffset;
    targetOffset = sourceOffset;
    sourceOffset = mergedOffset;
  }
  if (source !== values) values.set(source.subarray(sourceOffset, sourceOffset + length), from);
}
