/**
 * How long javascript-lp-solver takes on chaining problems of a given size, to choose which
 * parts the engine may hand it under a deadline (it cannot be interrupted inside a solve).
 *
 *   npx ts-node --transpile-only bench/lp-solver-cost.ts
 *
 * Prints pairs, constraint rows and milliseconds for random chaining problems (random periods
 * of 45–104 days within 300, random hundredth scores), three seeds per size.
 */
import { Deadline } from '../src/matching/core/optimizer/deadline';
import { OptimizationProblem } from '../src/matching/core/optimizer/optimization-problem';
import { seekerCliques } from '../src/matching/core/optimizer/seeker-cliques';
import { solveSmallMip } from '../src/matching/core/optimizer/small-mip';
import { Random } from './instance-generator';

function randomChainingProblem(seed: number, pairCount: number): OptimizationProblem {
  const random = new Random(seed);
  const vacancyCount = Math.max(4, Math.round(pairCount / 5));
  const seekerCount = Math.max(2, Math.round(pairCount / 6));
  const vacancyPeriods = Array.from({ length: vacancyCount }, () => {
    const start = random.integer(0, 300);
    return { start, end: start + random.integer(45, 104) };
  });
  const seen = new Set<number>();
  const pairs: { vacancy: number; seeker: number; score: number }[] = [];
  while (pairs.length < pairCount) {
    const vacancy = random.integer(0, vacancyCount - 1);
    const seeker = random.integer(0, seekerCount - 1);
    if (seen.has(vacancy * seekerCount + seeker)) continue;
    seen.add(vacancy * seekerCount + seeker);
    pairs.push({ vacancy, seeker, score: random.integer(3000, 9000) / 100 });
  }
  return { vacancyPeriods, seekerCount, pairs };
}

for (const pairCount of [50, 100, 150, 250, 400, 600, 900, 1300, 1800, 2500]) {
  for (const seed of [1, 2, 3]) {
    const problem = randomChainingProblem(seed * 1000 + pairCount, pairCount);
    const rows = problem.vacancyPeriods.length + seekerCliques(problem).length;
    const started = performance.now();
    const solution = solveSmallMip(problem, new Deadline())!;
    const ms = performance.now() - started;
    console.log(`${pairCount}\t${rows}\t${ms.toFixed(1)}\t${solution.fillProven ? 'proven' : 'unproven'}`);
  }
}
