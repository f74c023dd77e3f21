/** What a solve's priority is chosen from: the built instance's size. */
export interface InstanceSize {
  readonly vacancies: number;
  readonly seekers: number;
}

export interface SolverPriorityPolicy {
  /** The nice value of a long solve (MATCH_SOLVER_NICE). */
  readonly nice: number;
  /** Instances up to this many vacancy × seeker pairs solve at normal priority (MATCH_SOLVER_NICE_ABOVE_PAIRS). */
  readonly niceAbovePairs: number;
}

/**
 * The nice value one solve runs at. Niced, a solve gets only the CPU the API leaves: right for
 * a national solve that would otherwise hold a core for seconds, but a short run's solve is
 * then stretched several times over under list load (0.2 s alone, 0.9 s beside 50 list
 * connections) for a gain to the lists of a fraction of a core-second. Vacancies × seekers is
 * what the engine's candidate building scans, known before the solve and cheap to compute.
 */
export function solveNice(size: InstanceSize, policy: SolverPriorityPolicy): number {
  return size.vacancies * size.seekers > policy.niceAbovePairs ? policy.nice : 0;
}
