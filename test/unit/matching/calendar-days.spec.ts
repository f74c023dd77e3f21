import { formatDay, parseDay } from '../../../src/matching/core/calendar-days';
import { mergeRuns, runContaining, subtractRuns } from '../../../src/matching/core/day-runs';

describe('calendar days', () => {
  test('day numbers count from 1970-01-01 and round-trip', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('2026-03-01')! - parseDay('2026-02-28')!).toBe(1);
    expect(parseDay('2028-03-01')! - parseDay('2028-02-28')!).toBe(2);
    for (const date of ['0050-06-15', '1999-12-31', '2026-11-24', '9999-12-31']) expect(formatDay(parseDay(date)!)).toBe(date);
  });

  test('only strict, real YYYY-MM-DD dates parse', () => {
    for (const text of ['2026-02-29', '2026-04-31', '2026-00-10', '2026-1-05', '26-01-05', '2026-01-05 ', '2026-01-05T00:00']) {
      expect(parseDay(text)).toBeUndefined();
    }
  });
});

describe('day runs', () => {
  test('runs that touch or overlap merge; a one-day hole keeps them apart', () => {
    expect(mergeRuns([{ start: 10, end: 20 }, { start: 0, end: 9 }, { start: 22, end: 30 }, { start: 25, end: 26 }])).toEqual([
      { start: 0, end: 20 },
      { start: 22, end: 30 },
    ]);
  });

  test('subtracting busy runs leaves the free days, including single days', () => {
    expect(
      subtractRuns(
        [{ start: 0, end: 10 }, { start: 20, end: 30 }],
        [{ start: 2, end: 3 }, { start: 5, end: 5 }, { start: 9, end: 22 }],
      ),
    ).toEqual([
      { start: 0, end: 1 },
      { start: 4, end: 4 },
      { start: 6, end: 8 },
      { start: 23, end: 30 },
    ]);
  });

  test('finds the run holding a whole period, or none', () => {
    const runs = [{ start: 0, end: 5 }, { start: 10, end: 20 }];
    expect(runContaining(runs, 10, 20)).toEqual({ start: 10, end: 20 });
    expect(runContaining(runs, 12, 13)).toEqual({ start: 10, end: 20 });
    expect(runContaining(runs, 4, 10)).toBeUndefined();
    expect(runContaining(runs, 6, 9)).toBeUndefined();
    expect(runContaining([], 1, 1)).toBeUndefined();
  });
});
