import { OptimizationProblem } from '../src/matching/core/optimizer/optimization-problem';
import { seekerCliques } from '../src/matching/core/optimizer/seeker-cliques';

/**
 * The engine's model as one integer program, the same for every reference solver: a binary
 * column per candidate pair with objective fillWeight + score (fillWeight = 100·vacancies + 1,
 * so filling one more vacancy outweighs any score difference), a row per vacancy ("at most
 * once") and per maximal clique of one seeker's overlapping periods ("at most one"), all ≤ 1,
 * given column by column (CSC).
 */
export interface ReferenceModel {
  readonly fillWeight: number;
  readonly scores: readonly number[];
  readonly numRows: number;
  readonly starts: readonly number[];
  readonly indices: readonly number[];
}

export function referenceModel(problem: OptimizationProblem): ReferenceModel {
  const vacancyRows = problem.vacancyPeriods.length;
  const cliques = seekerCliques(problem);
  const rowsOfPair: number[][] = problem.pairs.map((pair) => [pair.vacancy]);
  cliques.forEach((clique, index) => clique.forEach((pairIndex) => rowsOfPair[pairIndex].push(vacancyRows + index)));
  const starts = [0];
  const indices: number[] = [];
  for (const rows of rowsOfPair) {
    indices.push(...rows.sort((a, b) => a - b));
    starts.push(indices.length);
  }
  return {
    fillWeight: 100 * vacancyRows + 1,
    scores: problem.pairs.map((pair) => pair.score),
    numRows: vacancyRows + cliques.length,
    starts,
    indices,
  };
}
