import { FixedClock } from './clock';

describe('Clock', () => {
  it('gives the Seoul calendar date, which is a day ahead of UTC from 00:00 to 09:00 KST', () => {
    expect(new FixedClock(new Date('2026-11-30T15:30:00Z')).today()).toBe('2026-12-01');
    expect(new FixedClock(new Date('2026-11-30T14:59:59Z')).today()).toBe('2026-11-30');
  });

  it('pins noon of a Seoul day', () => {
    const clock = FixedClock.onSeoulDay('2027-02-28');
    expect(clock.today()).toBe('2027-02-28');
    clock.set(new Date('2027-02-28T15:00:00Z'));
    expect(clock.today()).toBe('2027-03-01');
  });
});
