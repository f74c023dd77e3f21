/**
 * Two checkouts of the matching core in one process, called alternately on one bench size:
 * CPU ms per call (process.cpuUsage), median and trimmed mean of the later two thirds of the
 * rounds. On a shared, loaded machine this compares the code, where back-to-back runs compare
 * the load.
 *
 *   git worktree add /tmp/core-base <commit> && ln -s "$PWD/node_modules" /tmp/core-base/node_modules
 *   node -r ts-node/register/transpile-only bench/core-ab.ts /tmp/core-base . realistic-500 80 build
 *
 * what: build (buildCandidates), both (buildCandidates + optimize), match (match()).
 */
import { loadavg } from 'os';
import { resolve } from 'path';
import { benchInstance } from './bench-instance';
import type { Instance } from '../src/matching/core/types';

const [baseRoot, newRoot, name = 'small', roundsText = '100', what = 'build'] = process.argv.slice(2);
if (!baseRoot || !newRoot) throw new Error('usage: core-ab.ts BASE_ROOT NEW_ROOT [size] [rounds] [build|both|match]');

interface Core {
  readonly build: (instance: Instance) => { problem: unknown };
  readonly optimize: (problem: unknown) => unknown;
  readonly match: (instance: Instance) => unknown;
}

function load(root: string): Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const required = (path: string) => require(resolve(root, path));
  return {
    build: required('src/matching/core/candidates').buildCandidates,
    optimize: required('src/matching/core/optimizer/optimize').optimize,
    match: required('src/matching/core/match').match,
  };
}

const cores = { base: load(baseRoot), new: load(newRoot) };
const instance = benchInstance(name);
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const times: Record<'base' | 'new', number[]> = { base: [], new: [] };
const rounds = Number(roundsText);
for (let round = 0; round < rounds; round++) {
  for (const side of round % 2 ? (['base', 'new'] as const) : (['new', 'base'] as const)) {
    const core = cores[side];
    const before = cpuMs();
    if (what === 'match') core.match(instance);
    else {
      const candidates = core.build(instance);
      if (what === 'both') core.optimize(candidates.problem);
    }
    times[side].push(cpuMs() - before);
  }
}
const summary = (values: number[]) => {
  const later = values.slice(Math.floor(values.length / 3)).sort((a, b) => a - b);
  const trimmed = later.slice(0, Math.ceil(later.length * 0.8));
  return { median: later[Math.floor(later.length / 2)], trimmedMean: trimmed.reduce((sum, value) => sum + value, 0) / trimmed.length };
};
const base = summary(times.base);
const next = summary(times.new);
console.log(
  `${name} ${what}, load ${loadavg()[0].toFixed(1)}: base ${base.median.toFixed(3)} ms CPU (trimmed mean ${base.trimmedMean.toFixed(3)}), ` +
    `new ${next.median.toFixed(3)} (${next.trimmedMean.toFixed(3)}), new / base ${(next.median / base.median).toFixed(3)}`,
);
