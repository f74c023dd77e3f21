/**
 * Where match() spends its time, phase by phase (CPU ms: other work on the cores inflates
 * wall time), on one bench size, repeated so that later runs show the warm (JIT-compiled) cost.
 *
 *   node -r ts-node/register/transpile-only bench/match-parts.ts realistic-2k [REPEATS] [sequential]
 *   node -r ts-node/register/transpile-only bench/match-parts.ts realistic-500 600 uuid --summary   # medians only
 *   node --cpu-prof -r ts-node/register/transpile-only bench/match-parts.ts realistic-2k 1     # profile
 */
import { benchInstance } from './bench-instance';
import { buildCandidatesFrom } from '../src/matching/core/candidates';
import { diagnoseVacancy } from '../src/matching/core/diagnostics';
import { match } from '../src/matching/core/match';
import { optimize } from '../src/matching/core/optimizer/optimize';
import { prepareInstance } from '../src/matching/core/prepared-instance';
import { buildSeekerColumns } from '../src/matching/core/seeker-columns';

const args = process.argv.slice(2).filter((arg) => arg !== '--summary');
const summaryOnly = args.length < process.argv.length - 2;
const [name = 'realistic-500', repeats = '3', ids] = args;
const instance = benchInstance(name, ids === 'sequential' ? 'sequential' : 'uuid');
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const byPhase: Record<string, number[]> = {};
for (let run = 0; run < Number(repeats); run++) {
  const phases: Record<string, number> = {};
  let last = cpuMs();
  const lap = (phase: string) => {
    const now = cpuMs();
    phases[phase] = Math.round(now - last);
    (byPhase[phase] ??= []).push(now - last);
    last = now;
  };
  const prepared = prepareInstance(instance);
  lap('prepare');
  const candidates = buildCandidatesFrom(prepared);
  lap('pairs');
  const result = optimize(candidates.problem);
  lap('optimize');
  const filledVacancies = new Set(result.chosenPairs.map((pair) => candidates.pairVacancy[pair]));
  const columns = buildSeekerColumns(prepared);
  let unfilled = 0;
  for (const vacancy of prepared.vacancies) {
    if (filledVacancies.has(vacancy.index)) continue;
    diagnoseVacancy(prepared, columns, vacancy.index);
    unfilled++;
  }
  lap('diagnostics');
  const wallStarted = performance.now();
  const whole = match(instance);
  lap('match');
  if (summaryOnly) continue;
  console.log(
    JSON.stringify({ run, cpuMs: phases, matchWallMs: Math.round(performance.now() - wallStarted), pairs: candidates.problem.pairs.length, unfilled, optimal: whole.stats.optimal }),
  );
}

// The later half of the runs (compiled, the heap at its working size), each phase's median CPU ms.
const medianOfLaterHalf = (values: number[]) => {
  const later = values.slice(Math.floor(values.length / 2)).sort((a, b) => a - b);
  return Number(later[Math.floor(later.length / 2)].toFixed(2));
};
console.log(JSON.stringify({ size: name, runs: Number(repeats), medianCpuMs: Object.fromEntries(Object.entries(byPhase).map(([phase, values]) => [phase, medianOfLaterHalf(values)])) }));
