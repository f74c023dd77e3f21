import { followGap } from '../../../src/placements/placement-amendment';

describe('a placement follows its gap when the gap moves', () => {
  const gap = { start: '2027-02-16', end: '2027-05-30' };

  it('covers the whole new period when it covered the whole gap', () => {
    expect(followGap(gap, gap, { start: '2027-02-20', end: '2027-06-09' })).toEqual({ start: '2027-02-20', end: '2027-06-09' });
  });

  it('keeps a later start and an earlier end while the new period still includes them', () => {
    const placement = { start: '2027-02-26', end: '2027-03-18' };
    expect(followGap(placement, gap, { start: '2027-02-20', end: '2027-06-09' })).toEqual(placement);
    expect(followGap(placement, gap, { start: '2027-03-01', end: '2027-03-10' })).toEqual({ start: '2027-03-01', end: '2027-03-10' });
  });
});
