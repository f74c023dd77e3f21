/** Which 32-bit half of a double holds its sign and exponent, on this machine's byte order. */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW_WORD = 1 - HIGH_WORD;
const DIGIT_BITS = 8;
const DIGITS_PER_WORD = 32 / DIGIT_BITS;
const BUCKETS = 1 << DIGIT_BITS;

/**
 * The positions 0 .. n - 1 ordered by `values` ascending, equal values in position order
 * (-0 equals 0; values must not be NaN). A radix sort of the doubles' bits: ranking each
 * position by a binary search in a sorted copy mispredicted a branch at every step, and cost
 * more than the sort itself (~0.5 ms for 5,000 seekers).
 */
export function positionsByValue(values: Float64Array): Int32Array {
  const count = values.length;
  const words = sortableWords(values);
  let order = new Int32Array(count);
  for (let at = 0; at < count; at++) order[at] = at;
  let spare = new Int32Array(count);
  const bucketStart = new Int32Array(BUCKETS + 1);
  // Least significant digit first: each pass is stable, so the last one leaves equal keys in position order.
  for (const word of [LOW_WORD, HIGH_WORD]) {
    for (let digit = 0; digit < DIGITS_PER_WORD; digit++) {
      const shift = digit * DIGIT_BITS;
      bucketStart.fill(0);
      for (let at = 0; at < count; at++) bucketStart[((words[2 * at + word] >>> shift) & (BUCKETS - 1)) + 1]++;
      // A digit every key shares (the exponent of values of one magnitude) orders nothing.
      if (bucketStart.some((held) => held === count)) continue;
      for (let bucket = 0; bucket < BUCKETS; bucket++) bucketStart[bucket + 1] += bucketStart[bucket];
      for (let at = 0; at < count; at++) {
        const position = order[at];
        spare[bucketStart[(words[2 * position + word] >>> shift) & (BUCKETS - 1)]++] = position;
      }
      [order, spare] = [spare, order];
    }
  }
  return order;
}

/**
 * Each value's bits as two 32-bit words that compare as unsigned integers in the values'
 * order: a positive double's sign bit is set, a negative double's bits are all inverted.
 */
function sortableWords(values: Float64Array): Uint32Array {
  const doubles = new Float64Array(values.length);
  // Adding 0 turns -0 into 0, so that the two sort as equal.
  for (let at = 0; at < values.length; at++) doubles[at] = values[at] + 0;
  const words = new Uint32Array(doubles.buffer);
  for (let at = 0; at < values.length; at++) {
    const high = words[2 * at + HIGH_WORD];
    if (high >>> 31 === 1) {
      words[2 * at + HIGH_WORD] = ~high;
      words[2 * at + LOW_WORD] = ~words[2 * at + LOW_WORD];
    } else {
      words[2 * at + HIGH_WORD] = high | 0x8000_0000;
    }
  }
  return words;
}
