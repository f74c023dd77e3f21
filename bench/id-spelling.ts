/**
 * The same bench instance under two spellings of its ids (the generator's sequential ones and
 * uuids, the data unchanged): optimize()'s work must not depend on them.
 *
 *   node -r ts-node/register/transpile-only bench/id-spelling.ts national
 */
import { buildCandidates } from '../src/matching/core/candidates';
import { optimize } from '../src/matching/core/optimizer/optimize';
import { BENCH_SIZES, generateInstance } from './instance-generator';

const size = BENCH_SIZES.find((candidate) => candidate.name === (process.argv[2] ?? 'regional'));
if (!size) throw new Error(`unknown size ${process.argv[2]}; known: ${BENCH_SIZES.map((candidate) => candidate.name).join(', ')}`);
for (const ids of ['sequential', 'uuid'] as const) {
  const problem = buildCandidates(generateInstance({ ...size.options, ids })).problem;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = optimize(problem);
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    JSON.stringify({
      ids,
      optimizeWallMs: Math.round(performance.now() - started),
      optimizeCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      filled: result.filled,
      totalScore: Number(result.totalScore.toFixed(2)),
      optimal: result.optimal,
    }),
  );
}
