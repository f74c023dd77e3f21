import { extname, join } from 'node:path';
import { Worker, WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker script `name` beside the module at `callerFile` (pass `__filename`): the
 * compiled `name.js` under dist, or under ts-jest and ts-node, where no compiled file exists,
 * the TypeScript source with its imports compiled on the fly.
 */
export function startWorkerThread(callerFile: string, name: string, options?: WorkerOptions): Worker {
  const file = join(callerFile, '..', `${name}${extname(callerFile)}`);
  if (!file.endsWith('.ts')) return new Worker(file, options);
  const bootstrap = `require('ts-node').register({ transpileOnly: true, projectSearchDir: ${JSON.stringify(join(callerFile, '..'))} });
      require(${JSON.stringify(file)});`;
  return new Worker(bootstrap, { ...options, eval: true });
}
