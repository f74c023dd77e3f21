import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PROBE = join(__dirname, 'support', 'event-loop-embedded-database.ts');

interface ProbeOutcome {
  finished: string[];
  counted: number;
}

async function probe(...flags: string[]): Promise<ProbeOutcome> {
  const { stdout } = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', PROBE, ...flags], {
    cwd: join(__dirname, '..', '..'),
    timeout: 180_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ProbeOutcome;
}

/**
 * Told by order, not by time: a chain of 20 round trips on the event loop of the process that
 * started the database ends before one heavy query does only if the query runs elsewhere.
 */
describe('the event loop while the embedded database works', () => {
  it('answers requests while a heavy query runs in the database thread', async () => {
    expect(await probe()).toEqual({ finished: ['requests on the event loop', 'heavy query'], counted: 428_572 });
  }, 180_000);

  it('is blocked by the same query when PGlite runs on it (so the check above can fail)', async () => {
    expect(await probe('--calling-thread')).toEqual({ finished: ['heavy query', 'requests on the event loop'], counted: 428_572 });
  }, 180_000);
});
