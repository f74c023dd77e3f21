import { parseDateRange, toDateRangeLiteral } from './placement-period';

describe('placement period as a daterange', () => {
  it('reads PostgreSQL canonical half-open ranges as inclusive days', () => {
    expect(parseDateRange('[2026-03-02,2026-07-01)')).toEqual({ start: '2026-03-02', end: '2026-06-30' });
    expect(parseDateRange('[2026-12-31,2027-01-01)')).toEqual({ start: '2026-12-31', end: '2026-12-31' });
  });
  it('reads the other bound styles too', () => {
    expect(parseDateRange('[2026-03-02,2026-06-30]')).toEqual({ start: '2026-03-02', end: '2026-06-30' });
    expect(parseDateRange('(2026-03-01,2026-07-01)')).toEqual({ start: '2026-03-02', end: '2026-06-30' });
  });
  it('refuses empty or unbounded ranges', () => {
    expect(() => parseDateRange('empty')).toThrow();
    expect(() => parseDateRange('[2026-03-02,)')).toThrow();
  });
  it('writes an inclusive literal', () => {
    expect(toDateRangeLiteral({ start: '2026-03-02', end: '2026-06-30' })).toBe('[2026-03-02,2026-06-30]');
  });
});
