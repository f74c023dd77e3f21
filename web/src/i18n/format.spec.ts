import { formatDate, formatPercent, formatWon, parseDate } from './format';

describe('Korean formats', () => {
  it('shows a day as 2027. 3. 2.', () => expect(formatDate('2027-03-02')).toBe('2027. 3. 2.'));
  it('accepts 2027. 3. 2. and 2027-03-02', () => {
    expect(parseDate('2027. 3. 2.')).toBe('2027-03-02');
    expect(parseDate('2027-03-02')).toBe('2027-03-02');
    expect(parseDate('2027.3.2')).toBe('2027-03-02');
  });
  it('refuses a day that does not exist', () => {
    expect(parseDate('2027. 2. 30.')).toBeNull();
    expect(parseDate('내일')).toBeNull();
  });
  it('shows money as 12,000원', () => expect(formatWon(12000)).toBe('12,000원'));
  it('shows a share as a percentage to one decimal, rounded once from the counts', () => {
    expect(formatPercent(6, 11)).toBe('54.5%'); // 54.545…, where the API's 0.5455 would give 54.6
    expect(formatPercent(2, 3)).toBe('66.7%');
    expect(formatPercent(0, 0)).toBe('–');
  });
});
