import { earlyEndProblem, isFirmFlagged, isRetentionDue, retainedEndProblem, retentionDueOn } from '../../../src/referrals/referral-rules';

describe('referral rules', () => {
  it('counts a placement as kept from 30 days after its start, not a day earlier', () => {
    expect(retentionDueOn('2027-02-27')).toBe('2027-03-29');
    expect(isRetentionDue('2027-02-27', '2027-03-28')).toBe(false);
    expect(isRetentionDue('2027-02-27', '2027-03-29')).toBe(true);
  });

  it('lets an early end fall on any day of the placement but its last', () => {
    const placement = { start: '2027-03-02', end: '2027-05-31' };
    expect(earlyEndProblem('2027-03-02', placement)).toBeUndefined();
    expect(earlyEndProblem('2027-05-30', placement)).toBeUndefined();
    expect(earlyEndProblem('2027-05-31', placement)).toMatch(/2027-03-02\.\.2027-05-30/);
    expect(earlyEndProblem('2027-03-01', placement)).toBeDefined();
  });

  it('lets a kept placement end early on its 30th day or later, not before', () => {
    expect(retainedEndProblem('2027-03-28', '2027-02-27')).toBeUndefined();
    expect(retainedEndProblem('2027-03-27', '2027-02-27')).toMatch(/2027-03-28 or later/);
  });

  it('flags a firm from its second uncoded decline', () => {
    expect([0, 1, 2, 3].map(isFirmFlagged)).toEqual([false, false, true, true]);
  });
});
