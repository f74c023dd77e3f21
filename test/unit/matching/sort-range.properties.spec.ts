import fc from 'fast-check';
import { sortRangeByScore } from '../../../src/matching/core/sort-range';

const RUNS = { seed: 20261208, numRuns: 400 };

/** The reference: the built-in sort with the order written as a comparator. */
const byScoreThenTieThenValue = (score: ArrayLike<number>, tie: ArrayLike<number>) => (a: number, b: number) =>
  score[b] - score[a] || tie[a] - tie[b] || a - b;

describe('sortRangeByScore', () => {
  // Up to 300 values: ranges below and above the insertion-sort length (24), and several merge
  // passes. Few distinct scores and tie keys, so that ties at both levels are common.
  const instance = fc
    .integer({ min: 1, max: 300 })
    .chain((count) =>
      fc.record({
        scores: fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: count, maxLength: count }),
        ties: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: count, maxLength: count }),
        order: fc.shuffledSubarray([...Array(count).keys()], { minLength: count, maxLength: count }),
        from: fc.integer({ min: 0, max: count }),
        to: fc.integer({ min: 0, max: count }),
        floats: fc.boolean(),
      }),
    );

  it('orders a range as the comparator sort does and leaves the rest alone, with either kind of score column', () => {
    fc.assert(
      fc.property(instance, ({ scores, ties, order, from: a, to: b, floats }) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const score = floats ? Float64Array.from(scores) : Int32Array.from(scores.map(Math.round));
        const tie = Int32Array.from(ties);
        const values = Int32Array.from(order);
        const expected = [...order.slice(0, from), ...order.slice(from, to).sort(byScoreThenTieThenValue(score, tie)), ...order.slice(to)];
        sortRangeByScore(values, from, to, score, tie, new Int32Array(to - from));
        expect(Array.from(values)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('merges runs of insertion-sorted values (60 equal scores, ties decided by the tie column)', () => {
    const count = 60;
    const values = Int32Array.from({ length: count }, (_, k) => count - 1 - k);
    const tie = Int32Array.from({ length: count }, (_, value) => (value * 7) % count);
    sortRangeByScore(values, 0, count, new Float64Array(count).fill(50), tie, new Int32Array(count));
    expect(Array.from(values, (value) => tie[value])).toEqual([...Array(count).keys()]);
  });
});
