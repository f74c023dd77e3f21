/**
 * optimize() alone on a problem file written by run-size.ts (no generation, no candidate
 * building): for profiling and for repeated timings.
 *
 *   node -r ts-node/register/transpile-only bench/optimize-file.ts PROBLEM.json [TIME_LIMIT_MS] [REPEATS]
 *   node --cpu-prof -r ts-node/register/transpile-only bench/optimize-file.ts PROBLEM.json
 */
import { readFileSync } from 'fs';
import { optimize } from '../src/matching/core/optimizer/optimize';
import { OptimizationProblem } from '../src/matching/core/optimizer/optimization-problem';

const [file, limitText, repeatsText] = process.argv.slice(2);
const problem = JSON.parse(readFileSync(file, 'utf8')) as OptimizationProblem;
const timeLimitMs = limitText ? Number(limitText) : undefined;
for (let run = 0; run < Number(repeatsText ?? 1); run++) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = optimize(problem, timeLimitMs === undefined ? {} : { timeLimitMs });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    JSON.stringify({
      wallMs: Math.round(wallMs),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      overshootMs: timeLimitMs === undefined ? null : Math.round(wallMs - timeLimitMs),
      filled: result.filled,
      totalScore: Number(result.totalScore.toFixed(2)),
      optimal: result.optimal,
      gap: result.gap,
    }),
  );
}
