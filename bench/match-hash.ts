/**
 * sha256 of JSON.stringify(match(instance, { candidates: true })) without stats.solveMs, per
 * bench size: a change to the engine that must not change results prints the same lines.
 *
 *   node -r ts-node/register/transpile-only bench/match-hash.ts small realistic-500 regional realistic-2k
 */
import { createHash } from 'crypto';
import { match } from '../src/matching/core/match';
import { BENCH_SIZES, generateInstance } from './instance-generator';
import { generateRealisticInstance, REALISTIC_SIZES } from './realistic-instance';

for (const name of process.argv.slice(2)) {
  const size = BENCH_SIZES.find((candidate) => candidate.name === name);
  const realistic = REALISTIC_SIZES.find((candidate) => candidate.name === name);
  if (!size && !realistic) throw new Error(`unknown size ${name}`);
  const instance = size ? generateInstance({ ...size.options, ids: 'uuid' }) : generateRealisticInstance(realistic!.options);
  const result = match(instance, { candidates: true });
  const { solveMs: _solveMs, ...stats } = result.stats;
  const hash = createHash('sha256').update(JSON.stringify({ ...result, stats })).digest('hex');
  console.log(`${name} ${hash} pairs ${stats.candidatePairs} score ${stats.totalScore} optimal ${stats.optimal}`);
}
