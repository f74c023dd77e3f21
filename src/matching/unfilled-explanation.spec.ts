import { explainUnfilled } from './unfilled-explanation';

const none = { skills: 0, certifications: 0, dates: 0, hours: 0, wage: 0, commute: 0, blocked: 0 };

describe('explainUnfilled', () => {
  it('counts seekers per rule, most common first, and groups near misses by their one failed rule', () => {
    const lines = explainUnfilled({
      feasibleCandidates: 0,
      excludedBy: { ...none, skills: 2, commute: 14, blocked: 1 },
      nearMisses: [
        { seekerId: 's-1', failed: 'commute', detail: '72 min > 60 min' },
        { seekerId: 's-2', failed: 'commute', detail: '75 min > 60 min' },
        { seekerId: 's-3', failed: 'commute', detail: '90 min > 60 min' },
        { seekerId: 's-4', failed: 'skills', detail: 'cnc-milling level 1 < 2' },
      ],
    });
    expect(lines).toEqual([
      'Nobody meets every requirement.',
      '14 seekers live beyond the commute limit.',
      '2 seekers lack a required skill or its level.',
      '1 seeker is blocked for this gap or firm (rejected before, or firm excluded).',
      '1 seeker fails only the skill requirements (nearest: cnc-milling level 1 < 2).',
      '3 seekers fail only the commute limit (nearest: 72 min > 60 min).',
    ]);
  });

  it('says when feasible seekers exist but went to other gaps', () => {
    expect(explainUnfilled({ feasibleCandidates: 2, excludedBy: none, nearMisses: [] })).toEqual([
      '2 seekers fit, but all are placed better elsewhere in this run.',
    ]);
  });

  it('says the same in Korean when asked', () => {
    const lines = explainUnfilled(
      {
        feasibleCandidates: 0,
        excludedBy: { ...none, commute: 14, wage: 1 },
        nearMisses: [{ seekerId: 's-1', failed: 'commute', detail: '72 min > 60 min' }],
      },
      'ko',
    );
    expect(lines).toEqual([
      '모든 조건을 충족하는 구직자가 없습니다.',
      '구직자 14명은 통근 한도보다 먼 곳에 삽니다.',
      '구직자 1명은 더 높은 시급을 원합니다.',
      '구직자 1명은 통근 한도만 맞지 않습니다(가장 가까운 경우: 통근 72분 > 통근 한도 60분).',
    ]);
    expect(explainUnfilled({ feasibleCandidates: 2, excludedBy: none, nearMisses: [] }, 'ko')).toEqual([
      '조건에 맞는 구직자 2명이 있지만, 이번 실행에서 모두 다른 공백에 더 알맞게 배치되었습니다.',
    ]);
  });
});
