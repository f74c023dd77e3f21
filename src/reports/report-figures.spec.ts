import type { GapFact, HireFact } from './report-facts';
import { decisiveRule, figuresOf, median, ratio } from './report-figures';
import { retentionOutcome } from './retention';

const gap = (overrides: Partial<GapFact>): GapFact => ({
  id: 'g',
  postedOn: '2026-10-01',
  status: 'open',
  leaveType: 'maternity',
  complex: { id: 'c', name: '단지' },
  region: { sido: '서울특별시', sigungu: '금천구' },
  occupation: null,
  hires: [],
  referrals: [],
  latestExcludedBy: null,
  ...overrides,
});
const hire = (overrides: Partial<HireFact>): HireFact => ({ hiredOn: '2026-10-11', viaReferral: false, retention: 'pending', subsidy: 0, ...overrides });

describe('report figures', () => {
  it('medians: odd count the middle, even count the mean of the two middle, none null', () => {
    expect(median([34, 10, 15])).toBe(15);
    expect(median([20, 10, 15, 34])).toBe(17.5);
    expect(median([])).toBeNull();
  });

  it('rounds ratios to 4 places and has none without a denominator', () => {
    expect(ratio(2, 3)).toBe(0.6667);
    expect(ratio(1, 0)).toBeNull();
  });

  it('takes the rule that excluded most seekers, ties in the engine order, contested when none did', () => {
    expect(decisiveRule({ latestExcludedBy: { skills: 3, wage: 6, commute: 1 } })).toBe('wage');
    expect(decisiveRule({ latestExcludedBy: { commute: 4, skills: 4 } })).toBe('skills');
    expect(decisiveRule({ latestExcludedBy: { skills: 0, commute: 0 } })).toBe('contested');
    expect(decisiveRule({ latestExcludedBy: null })).toBe('not_diagnosed');
  });

  it('splits gaps into filled, cancelled and unfilled, a cancelled gap with a hire being filled', () => {
    const figures = figuresOf([
      gap({ hires: [hire({ hiredOn: '2026-10-11' }), hire({ hiredOn: '2026-10-05' })] }),
      gap({ status: 'cancelled', hires: [hire({ hiredOn: '2026-10-21', retention: 'lost' })] }),
      gap({ status: 'cancelled' }),
      gap({ latestExcludedBy: { commute: 2 } }),
    ]);
    expect(figures).toMatchObject({ gapsPosted: 4, gapsFilled: 2, gapsCancelled: 1, gapsUnfilled: 1, fillRate: 0.6667, hires: 3 });
    // the first hire of each filled gap: 4 and 20 days
    expect(figures.medianDaysToHire).toBe(12);
    expect(figures.unfilledByRule).toEqual([{ code: 'commute', label: '통근 거리 초과', count: 1 }]);
    expect(figures.retention).toEqual({ kept: 0, lost: 1, pending: 2, rate: 0 });
  });

  it('counts referrals per referred hire and declines by code with labels, a firm decline without reason on its own', () => {
    const figures = figuresOf([
      gap({
        hires: [hire({ viaReferral: true, subsidy: 100 }), hire({ subsidy: 50 })],
        referrals: [
          { status: 'seeker_declined', reasonCode: 'commute' },
          { status: 'firm_declined', reasonCode: null },
          { status: 'firm_declined', reasonCode: 'skills' },
          { status: 'firm_declined', reasonCode: null },
          { status: 'hired', reasonCode: null },
        ],
      }),
    ]);
    expect(figures.referralsPerHire).toBe(5);
    expect(figures.seekerDeclines).toEqual([{ code: 'commute', label: '통근 거리', count: 1 }]);
    expect(figures.firmDeclines).toEqual([
      { code: 'no_reason', label: '사유 없음', count: 2 },
      { code: 'skills', label: '기술 부족', count: 1 },
    ]);
    expect(figures.subsidy).toEqual({ placements: 2, total: 150 });
  });
});

describe('30-day retention of a hire', () => {
  const direct = { placementStatus: 'confirmed' as const, placementStart: '2026-11-01', referralStatus: null, reachedRetained: false };

  it('a direct placement is kept once 30 days have passed since its start, lost when cancelled', () => {
    expect(retentionOutcome(direct, '2026-11-30')).toBe('pending');
    expect(retentionOutcome(direct, '2026-12-01')).toBe('kept');
    expect(retentionOutcome({ ...direct, placementStatus: 'cancelled' }, '2026-12-31')).toBe('lost');
  });

  it('a referral says it: retained (even if it ended later), ended early before that, or still hired', () => {
    const referred = { ...direct, referralStatus: 'hired' as const };
    expect(retentionOutcome(referred, '2027-06-01')).toBe('pending');
    expect(retentionOutcome({ ...referred, referralStatus: 'ended_early', reachedRetained: true }, '2027-06-01')).toBe('kept');
    expect(retentionOutcome({ ...referred, referralStatus: 'ended_early' }, '2027-06-01')).toBe('lost');
  });
});
