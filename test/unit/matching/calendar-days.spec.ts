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
    for (const text of ['2026-13-01', '2026-01-32', '2026-01-00', '2026/01/05', '2026-01-0a', '+026-01-05', '2026-01-05\n', '２０２６-01-05', '']) {
      expect(parseDay(text)).toBeUndefined();
    }
    expect(parseDay('2028-02-29')).toBe(parseDay('2028-02-28')! + 1);
    expect(parseDay('2100-02-29')).toBeUndefined();
    expect(parseDay('2000-02-29')).toBe(parseDay('2000-02-28')! + 1);
  });

  test('gives the day numbers a regular expression and a Date give, for every day of years 0000-9999 sampled', () => {
    // The former implementation, kept here as the reference.
    const reference = (text: string): number | undefined => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!match) return undefined;
      const [year, month, day] = match.slice(1).map(Number);
      const date = new Date(0);
      date.setUTCFullYear(year, month - 1, day);
      return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
        ? Math.round(date.getTime() / 86_400_000)
        : undefined;
    };
    const texts: string[] = [];
    for (let year = 0; year <= 9999; year += year < 2200 && year >= 1890 ? 1 : 37) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          texts.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
        }
      }
    }
    const mismatches = texts.filter((text) => parseDay(text) !== reference(text));
    expect(mismatches).toEqual([]);
    expect(texts.filter((text) => parseDay(text) !== undefined).length).toBeGreaterThan(100_000);
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
