import { OptimizationProblem } from '../../../../../src/matching/core/optimizer/optimization-problem';

/**
 * Seeker 0 could take vacancy 0 alone (score 100) or vacancies 1 and 2, which chain (score 1
 * each): filling one more must win, so the optimum is pairs [1, 2] with score 2.
 */
export const fillOverScoreProblem: OptimizationProblem = {
  vacancyPeriods: [
    { start: 0, end: 20 },
    { start: 0, end: 9 },
    { start: 10, end: 20 },
  ],
  seekerCount: 1,
  pairs: [
    { vacancy: 0, seeker: 0, score: 100 },
    { vacancy: 1, seeker: 0, score: 1 },
    { vacancy: 2, seeker: 0, score: 1 },
  ],
};
