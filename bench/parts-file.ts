/**
 * match()'s engine phases in CPU ms on an instance file exactly as the service hands it to
 * the engine (or on the generator's national size with uuid ids): preparation, candidate
 * pairs, optimize() alone (twice), then one match() with the service's default 20 s limit.
 * With a second argument, the candidate problem is also written there for bench/optimize-file.ts.
 *
 *   node -r ts-node/register/transpile-only bench/parts-file.ts /work/team/national-service.json [PROBLEM_OUT.json]
 *   node -r ts-node/register/transpile-only bench/parts-file.ts bench
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildCandidatesFrom } from '../src/matching/core/candidates';
import { match } from '../src/matching/core/match';
import { optimize } from '../src/matching/core/optimizer/optimize';
import { prepareInstance } from '../src/matching/core/prepared-instance';
import { Instance } from '../src/matching/core/types';
import { BENCH_SIZES, generateInstance } from './instance-generator';

const [source, problemFile] = process.argv.slice(2);
const national = BENCH_SIZES.find((size) => size.name === 'national');
if (!source || !national) throw new Error('usage: parts-file.ts INSTANCE.json | bench');
const instance: Instance = source === 'bench' ? generateInstance({ ...national.options, ids: 'uuid' }) : JSON.parse(readFileSync(source, 'utf8'));
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
for (let run = 0; run < 2; run++) {
  const started = cpuMs();
  const wallStarted = performance.now();
  const prepared = prepareInstance(instance);
  const afterPrepare = cpuMs();
  const candidates = buildCandidatesFrom(prepared);
  const afterPairs = cpuMs();
  const { vacancyPeriods, seekerCount, pairs } = candidates.problem;
  if (run === 0 && problemFile) writeFileSync(problemFile, JSON.stringify({ vacancyPeriods, seekerCount, pairs }));
  const result = optimize(candidates.problem);
  const afterOptimize = cpuMs();
  console.log(
    JSON.stringify({
      vacancies: instance.vacancies.length,
      seekers: instance.seekers.length,
      pairs: candidates.problem.pairs.length,
      prepareCpuMs: Math.round(afterPrepare - started),
      pairsCpuMs: Math.round(afterPairs - afterPrepare),
      optimizeCpuMs: Math.round(afterOptimize - afterPairs),
      wallMs: Math.round(performance.now() - wallStarted),
      filled: result.filled,
      totalScore: Number(result.totalScore.toFixed(2)),
      optimal: result.optimal,
      components: result.components,
      largestComponent: result.largestComponent,
    }),
  );
}
const cpuBefore = cpuMs();
const wallBefore = performance.now();
const matched = match(instance, { timeLimitMs: 20_000 });
console.log(
  JSON.stringify({
    matchWallMs: Math.round(performance.now() - wallBefore),
    matchCpuMs: Math.round(cpuMs() - cpuBefore),
    solveMs: matched.stats.solveMs,
    optimal: matched.stats.optimal,
  }),
);
