/**
 * Where match() spends its time, phase by phase (CPU ms: other work on the cores inflates
 * wall time), on one bench size, repeated so that later runs show the warm (JIT-compiled) cost.
 *
 *   node -r ts-node/register/transpile-only bench/match-parts.ts realistic-2k [REPEATS] [sequential]
 *   node --cpu-prof -r ts-node/register/transpile-only bench/match-parts.ts realistic-2k 1     # profile
 */
import { buildCandidatesFrom } from '../src/matching/core/candidates';
import { diagnoseVacancy } from '../src/matching/core/diagnostics';
import { match } from '../src/matching/core/match';
import { optimize } from '../src/matching/core/optimizer/optimize';
import { prepareInstance } from '../src/matching/core/prepared-instance';
import { buildSeekerColumns } from '../src/matching/core/seeker-columns';
import { Instance } from '../src/matching/core/types';
import { BENCH_SIZES, generateInstance } from './instance-generator';
import { generateRealisticInstance, REALISTIC_SIZES } from './realistic-instance';

function instanceOf(name: string, ids: 'uuid' | 'sequential'): Instance {
  const size = BENCH_SIZES.find((candidate) => candidate.name === name);
  if (size) return generateInstance({ ...size.options, ids });
  const realistic = REALISTIC_SIZES.find((candidate) => candidate.name === name);
  if (realistic) return generateRealisticInstance(realistic.options);
  throw new Error(`unknown size ${name}`);
}

const [name = 'realistic-500', repeats = '3', ids] = process.argv.slice(2);
const instance = instanceOf(name, ids === 'sequential' ? 'sequential' : 'uuid');
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
for (let run = 0; run < Number(repeats); run++) {
  const phases: Record<string, number> = {};
  let last = cpuMs();
  const lap = (phase: string) => {
    const now = cpuMs();
    phases[phase] = Math.round(now - last);
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
  console.log(
    JSON.stringify({ run, cpuMs: phases, matchWallMs: Math.round(performance.now() - wallStarted), pairs: candidates.problem.pairs.length, unfilled, optimal: whole.stats.optimal }),
  );
}
