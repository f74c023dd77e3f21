/**
 * One benchmark size in its own process, so that its peak memory (maxRSS) is its own:
 * generate the instance, build the candidate pairs with the engine's own feasibility and
 * scoring, optimize, and print one JSON line. Writes the optimization problem to the given
 * file for the HiGHS reference.
 */
import { writeFileSync } from 'fs';
import { buildCandidates } from '../src/matching/core/candidates';
import { match } from '../src/matching/core/match';
import { optimize } from '../src/matching/core/optimizer/optimize';
import { benchInstance } from './bench-instance';
import { referenceModel } from './native-model';

export interface SizeRun {
  readonly size: string;
  /** The engine's time limit, when it had one. */
  readonly timeLimitMs: number | null;
  readonly vacancies: number;
  readonly seekers: number;
  readonly pairs: number;
  readonly components: number;
  readonly largestComponent: number;
  readonly buildMs: number;
  /** CPU time (user + system) of buildCandidates. */
  readonly buildCpuMs: number;
  /** The whole match() call (stats.solveMs: candidates, optimization, diagnostics, assembly): the engine's figure. */
  readonly matchMs: number;
  readonly matchCpuMs: number;
  /**
   * Later match() calls of the same instance in the same process (the median by CPU time of
   * nine, three or one, by the first call's time):
   * compiled code, as in the service's long-lived solver thread (the first call also pays
   * for JIT compilation).
   */
  readonly warmMatchMs: number;
  readonly warmMatchCpuMs: number;
  /** How many calls after the first the warm figures are the median of. */
  readonly warmCalls: number;
  readonly optimizeMs: number;
  /** CPU time (user + system) of optimize: wall time is inflated when other work shares the cores. */
  readonly optimizeCpuMs: number;
  readonly peakRssMb: number;
  readonly filled: number;
  readonly totalScore: number;
  readonly optimal: boolean;
  readonly gap: number | null;
}

/** Warm calls after the first: nine when the first took under 1 s, three under 3 s, else one. */
function warmCallsAtLeast(firstMs: number): number {
  return firstMs < 1000 ? 9 : firstMs < 3000 ? 3 : 1;
}

/** argv: size, problem file ('' for none; the model for native solvers goes beside it), time limit ('' for none), ids. */
function main(): void {
  const [sizeName, problemFile, timeLimit, ids] = process.argv.slice(2);
  const instance = benchInstance(sizeName, ids === 'sequential' ? 'sequential' : 'uuid');
  const matchCpuBefore = process.cpuUsage();
  const matched = match(instance, timeLimit ? { timeLimitMs: Number(timeLimit) } : {});
  const matchCpu = process.cpuUsage(matchCpuBefore);
  // Warm: the median of further calls. When the first took under 1 s: at least nine, and more
  // while they have taken under 1 s in all, up to 200 (the service's solver thread runs match()
  // over and over, and a small size needs dozens of calls before V8 has compiled its hot loops;
  // native-reference.py times HiGHS by the same rule). Three under 3 s, else one.
  const warmRuns: { ms: number; cpuMs: number }[] = [];
  const warmStarted = performance.now();
  const moreWarmCalls = () =>
    warmRuns.length < warmCallsAtLeast(matched.stats.solveMs) ||
    (matched.stats.solveMs < 1000 && warmRuns.length < 200 && performance.now() - warmStarted < 1000);
  while (moreWarmCalls()) {
    const cpuBefore = process.cpuUsage();
    const again = match(instance, timeLimit ? { timeLimitMs: Number(timeLimit) } : {});
    const cpu = process.cpuUsage(cpuBefore);
    warmRuns.push({ ms: again.stats.solveMs, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  warmRuns.sort((a, b) => a.cpuMs - b.cpuMs);
  const warm = warmRuns[Math.floor(warmRuns.length / 2)];
  // The same pipeline again in its parts, for the breakdown and the reference model: as many
  // calls as the warm match(), each part's median by CPU time (one call can carry a whole GC).
  const parts = Array.from({ length: warmRuns.length }, (_, call) => {
    const buildStarted = performance.now();
    const buildCpuBefore = process.cpuUsage();
    const candidates = buildCandidates(instance);
    const buildCpu = process.cpuUsage(buildCpuBefore);
    const buildMs = performance.now() - buildStarted;
    const optimizeStarted = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = optimize(candidates.problem, timeLimit ? { timeLimitMs: Number(timeLimit) } : {});
    const cpu = process.cpuUsage(cpuBefore);
    const optimizeMs = performance.now() - optimizeStarted;
    // Only the first call's model is kept: the peak RSS stays that of one.
    return { kept: call === 0 ? { candidates, result } : undefined, buildMs, buildCpu, optimizeMs, cpu };
  });
  const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
  const median = <T>(values: T[], by: (value: T) => number): T => [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)];
  const { candidates, result } = parts[0].kept!;
  const { buildMs, buildCpu } = median(parts, (part) => cpuMs(part.buildCpu));
  const { optimizeMs, cpu } = median(parts, (part) => cpuMs(part.cpu));
  const run: SizeRun = {
    size: sizeName,
    timeLimitMs: timeLimit ? Number(timeLimit) : null,
    vacancies: instance.vacancies.length,
    seekers: instance.seekers.length,
    pairs: candidates.problem.pairs.length,
    components: result.components,
    largestComponent: result.largestComponent,
    buildMs,
    buildCpuMs: (buildCpu.user + buildCpu.system) / 1000,
    matchMs: matched.stats.solveMs,
    matchCpuMs: (matchCpu.user + matchCpu.system) / 1000,
    warmMatchMs: warm.ms,
    warmMatchCpuMs: warm.cpuMs,
    warmCalls: warmRuns.length,
    optimizeMs,
    optimizeCpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    filled: result.filled,
    totalScore: result.totalScore,
    optimal: result.optimal,
    gap: result.gap,
  };
  if (!timeLimit && Math.abs(result.totalScore - matched.stats.totalScore) > 1e-6) throw new Error('match() and optimize() disagree');
  if (problemFile) {
    writeFileSync(problemFile, JSON.stringify(candidates.problem));
    writeFileSync(`${problemFile}.model.json`, JSON.stringify(referenceModel(candidates.problem)));
  }
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

main();
