/**
 * validateInstance alone on an instance file, repeated: the solver thread's validate step
 * (CPU ms of this thread, /proc/thread-self/schedstat; Linux). `ROOT` runs another checkout's
 * sources (e.g. a worktree of main) for an A/B in one sitting.
 *
 *   node -r ts-node/register/transpile-only bench/validate-instance.bench.ts /tmp/national.json [REPEATS] [ROOT]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [file, repeats = '8', root = join(__dirname, '..')] = process.argv.slice(2);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateInstance } = require(join(resolve(root), 'src/matching/core/validate-instance')) as typeof import('../src/matching/core/validate-instance');
const instance: unknown = JSON.parse(readFileSync(file, 'utf8'));
const threadCpuMs = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
const times: number[] = [];
for (let run = 0; run < Number(repeats); run++) {
  const before = threadCpuMs();
  const validation = validateInstance(instance);
  if (!validation.ok) throw new Error(validation.problems[0]);
  times.push(Math.round(threadCpuMs() - before));
}
console.log(`${file}: validateInstance CPU ms per run: ${times.join(' ')} (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
