/**
 * sha256 of JSON.stringify(match(instance, { candidates: true })) without stats.solveMs, per
 * bench size: a change to the engine that must not change results prints the same lines.
 *
 *   node -r ts-node/register/transpile-only bench/match-hash.ts small realistic-500 regional realistic-2k
 */
import { createHash } from 'crypto';
import { match } from '../src/matching/core/match';
import { benchInstance } from './bench-instance';

for (const name of process.argv.slice(2)) {
  const instance = benchInstance(name);
  const result = match(instance, { candidates: true });
  const { solveMs: _solveMs, ...stats } = result.stats;
  const hash = createHash('sha256').update(JSON.stringify({ ...result, stats })).digest('hex');
  console.log(`${name} ${hash} pairs ${stats.candidatePairs} score ${stats.totalScore} optimal ${stats.optimal}`);
}
