import fc from 'fast-check';
import { positionsByValue } from '../../../src/matching/core/value-order';

const RUNS = { seed: 20261208, numRuns: 500 };

/** The reference: a comparator sort of positions, ties by position. */
const byValueThenPosition = (values: readonly number[]) =>
  values.map((_, position) => position).sort((a, b) => values[a] - values[b] || a - b);

describe('positionsByValue', () => {
  it('orders positions by value, equal values (and -0 with 0) by position', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 1, -1, 35.5, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE),
      fc.integer({ min: -3, max: 3 }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300, size: 'max' }), (values) => {
        expect(Array.from(positionsByValue(Float64Array.from(values)))).toEqual(byValueThenPosition(values));
      }),
      RUNS,
    );
  });

  it('sorts latitudes that share their exponent and leading digits', () => {
    const values = [35.000001, 35.0000005, 35.000001, 34.9999999, 35];
    expect(Array.from(positionsByValue(Float64Array.from(values)))).toEqual([3, 4, 1, 0, 2]);
  });
});
