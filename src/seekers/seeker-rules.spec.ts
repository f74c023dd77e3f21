import { seekerRuleViolations } from './seeker-rules';

describe('seeker rules', () => {
  it('accepts equal bounds and ordered windows', () => {
    expect(
      seekerRuleViolations({
        weeklyHours: { min: 20, max: 20 },
        availability: [{ start: '2026-03-01', end: '2026-03-01' }],
      }),
    ).toEqual([]);
  });

  it('refuses a minimum above the maximum, naming weeklyHours.min', () => {
    expect(seekerRuleViolations({ weeklyHours: { min: 41, max: 40 } })).toEqual([
      expect.objectContaining({ code: 'seeker.weekly_hours_min_above_max', field: 'weeklyHours.min' }),
    ]);
  });

  it('names the window that ends before it starts', () => {
    expect(
      seekerRuleViolations({
        availability: [
          { start: '2026-03-01', end: '2026-04-30' },
          { start: '2026-06-01', end: '2026-05-31' },
        ],
      }),
    ).toEqual([expect.objectContaining({ code: 'seeker.availability_end_before_start', field: 'availability[1].end' })]);
  });
});
