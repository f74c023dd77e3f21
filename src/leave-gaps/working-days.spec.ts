import { isWorkingDay, workingDaysBetween, yearsWithoutHolidayData } from './working-days';

describe('working days (weekends and public holidays do not count)', () => {
  it('knows the 2026 substitute holiday for 3·1절 and the 2026 local election day', () => {
    expect(isWorkingDay('2026-03-02')).toBe(false);
    expect(isWorkingDay('2026-06-03')).toBe(false);
    expect(isWorkingDay('2026-03-03')).toBe(true);
  });
  it('skips weekends', () => {
    expect(isWorkingDay('2026-03-07')).toBe(false);
    expect(workingDaysBetween('2026-03-09', '2026-03-15')).toBe(5);
  });
  it('names the years the holiday data does not cover', () => {
    expect(yearsWithoutHolidayData('2027-12-01', '2028-01-31')).toEqual([2028]);
    expect(yearsWithoutHolidayData('2026-01-01', '2027-12-31')).toEqual([]);
  });
});
