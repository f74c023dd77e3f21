import {
  businessNumberCheckDigit,
  completeBusinessNumber,
  isValidBusinessNumber,
  normalizeBusinessNumber,
} from './business-number';

describe('business registration number checksum', () => {
  // Published numbers of real companies, checked by hand against the algorithm.
  it.each([
    ['1248100998', 'Samsung Electronics 124-81-00998'],
    ['2208162517', 'Naver 220-81-62517'],
  ])('accepts %s (%s)', (number) => {
    expect(isValidBusinessNumber(number)).toBe(true);
  });

  it('adds floor(d8 × 5 / 10) to the weighted sum: 124-81-00998 → 118 + 4 = 122 → 8', () => {
    expect(businessNumberCheckDigit('124810099')).toBe(8);
  });

  it('gives 0, not 10, when the sum is a multiple of ten', () => {
    // 1·1 + 0… + d8 = 9 → 9·5 = 45, floor(45/10) = 4; 1 + 45 + 4 = 50 → (10 − 0) mod 10 = 0
    expect(businessNumberCheckDigit('100000009')).toBe(0);
  });

  it.each(['1248100997', '1248100999', '2208162516'])('rejects the wrong check digit in %s', (number) => {
    expect(isValidBusinessNumber(number)).toBe(false);
  });

  it.each(['124810099', '12481009981', '124-81-00998', 'abcdefghij', '', 1248100998, null])(
    'rejects %p, which is not ten bare digits',
    (value) => {
      expect(isValidBusinessNumber(value)).toBe(false);
    },
  );

  it('normalizes the dashed written form and leaves other input alone', () => {
    expect(normalizeBusinessNumber('124-81-00998')).toBe('1248100998');
    expect(normalizeBusinessNumber(' 1248100998 ')).toBe('1248100998');
    expect(normalizeBusinessNumber('12-481-00998')).toBe('12-481-00998');
    expect(normalizeBusinessNumber(42)).toBe(42);
  });

  it('completes nine digits into a valid number', () => {
    expect(completeBusinessNumber('220816251')).toBe('2208162517');
    for (const prefix of ['123456789', '000000000', '999999999', '617810001']) {
      expect(isValidBusinessNumber(completeBusinessNumber(prefix))).toBe(true);
    }
    expect(() => completeBusinessNumber('12345')).toThrow();
  });
});
