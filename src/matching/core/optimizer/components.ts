import { OptimizationProblem } from './optimization-problem';

/** A connected component of the candidate graph, re-indexed as a problem of its own. */
export interface ComponentProblem {
  readonly problem: OptimizationProblem;
  /** Global index of each local vacancy. */
  readonly vacancyIds: number[];
  /** Global index of each local seeker. */
  readonly seekerIds: number[];
  /** Global pair index of each local pair. */
  readonly pairIds: number[];
}

/**
 * Splits the candidate graph (vacancies and seekers as nodes, pairs as edges) into connected
 * components. No constraint links two components, so their optima add up to the optimum.
 * Only vacancies with at least one pair appear. Order is deterministic: components by their
 * lowest vacancy index, and inside each component every list keeps the global order.
 */
export function splitComponents(problem: OptimizationProblem, activePairs?: readonly number[]): ComponentProblem[] {
  const vacancyCount = problem.vacancyPeriods.length;
  const pairIndices = activePairs ?? problem.pairs.map((_, index) => index);
  const parent = new Int32Array(vacancyCount + problem.seekerCount).map((_, index) => index);
  const find = (node: number): number => {
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]];
      node = parent[node];
    }
    return node;
  };
  for (const pairIndex of pairIndices) {
    const pair = problem.pairs[pairIndex];
    const a = find(pair.vacancy);
    const b = find(vacancyCount + pair.seeker);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }

  const componentOfRoot = new Map<number, number>();
  const groups: { vacancies: number[]; seekers: number[]; pairs: number[] }[] = [];
  const hasPair = new Uint8Array(vacancyCount + problem.seekerCount);
  for (const pairIndex of pairIndices) {
    const pair = problem.pairs[pairIndex];
    hasPair[pair.vacancy] = 1;
    hasPair[vacancyCount + pair.seeker] = 1;
  }
  const groupOf = (node: number) => {
    const root = find(node);
    let index = componentOfRoot.get(root);
    if (index === undefined) {
      index = groups.length;
      componentOfRoot.set(root, index);
      groups.push({ vacancies: [], seekers: [], pairs: [] });
    }
    return groups[index];
  };
  for (let vacancy = 0; vacancy < vacancyCount; vacancy++) {
    if (hasPair[vacancy]) groupOf(vacancy).vacancies.push(vacancy);
  }
  for (let seeker = 0; seeker < problem.seekerCount; seeker++) {
    if (hasPair[vacancyCount + seeker]) groupOf(vacancyCount + seeker).seekers.push(seeker);
  }
  const sortedPairs = [...pairIndices].sort((a, b) => a - b);
  for (const pairIndex of sortedPairs) groupOf(problem.pairs[pairIndex].vacancy).pairs.push(pairIndex);

  // Every node is in one group, so one array holds each vacancy's and seeker's local index.
  const localVacancy = new Int32Array(vacancyCount);
  const localSeeker = new Int32Array(problem.seekerCount);
  for (const group of groups) {
    group.vacancies.forEach((global, local) => (localVacancy[global] = local));
    group.seekers.forEach((global, local) => (localSeeker[global] = local));
  }
  return groups.map((group) => {
    return {
      vacancyIds: group.vacancies,
      seekerIds: group.seekers,
      pairIds: group.pairs,
      problem: {
        vacancyPeriods: group.vacancies.map((global) => problem.vacancyPeriods[global]),
        seekerCount: group.seekers.length,
        pairs: group.pairs.map((global) => {
          const pair = problem.pairs[global];
          return { vacancy: localVacancy[pair.vacancy], seeker: localSeeker[pair.seeker], score: pair.score };
        }),
      },
    };
  });
}
