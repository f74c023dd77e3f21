import { splitComponents } from '../../../../src/matching/core/optimizer/components';

describe('splitComponents', () => {
  const problem = {
    vacancyPeriods: [
      { start: 0, end: 9 },
      { start: 0, end: 9 },
      { start: 0, end: 9 },
      { start: 0, end: 9 },
    ],
    seekerCount: 4,
    // v0–s0–v2 linked through seeker 0; v1–s2; v3 has no candidate; seeker 3 has none.
    pairs: [
      { vacancy: 2, seeker: 0, score: 10 },
      { vacancy: 0, seeker: 0, score: 20 },
      { vacancy: 1, seeker: 2, score: 30 },
      { vacancy: 0, seeker: 1, score: 40 },
    ],
  };

  it('groups vacancies and seekers linked by pairs, in order of their lowest vacancy', () => {
    const components = splitComponents(problem);
    expect(components.map((component) => component.vacancyIds)).toEqual([[0, 2], [1]]);
    expect(components.map((component) => component.seekerIds)).toEqual([[0, 1], [2]]);
    expect(components.map((component) => component.pairIds)).toEqual([[0, 1, 3], [2]]);
  });

  it('re-indexes each component as a problem of its own', () => {
    const [first] = splitComponents(problem);
    expect(first.problem.seekerCount).toBe(2);
    expect(first.problem.vacancyPeriods).toHaveLength(2);
    expect(first.problem.pairs).toEqual([
      { vacancy: 1, seeker: 0, score: 10 },
      { vacancy: 0, seeker: 0, score: 20 },
      { vacancy: 0, seeker: 1, score: 40 },
    ]);
  });

  it('splits only along the pairs it is given', () => {
    const components = splitComponents(problem, [1, 3]);
    expect(components.map((component) => component.vacancyIds)).toEqual([[0]]);
    expect(components[0].pairIds).toEqual([1, 3]);
  });
});
