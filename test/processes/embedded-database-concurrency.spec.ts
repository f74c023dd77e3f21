import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HAMMER = join(__dirname, 'support', 'hammer-embedded-database.ts');

interface HammerOutcome {
  wrongRows: number;
  errors: string[];
}

async function hammer(...flags: string[]): Promise<HammerOutcome> {
  const { stdout } = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', HAMMER, ...flags], {
    cwd: join(__dirname, '..', '..'),
    timeout: 120_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as HammerOutcome;
}

describe('embedded database under concurrent connections', () => {
  it('gives every connection its own rows and no protocol errors', async () => {
    expect(await hammer()).toEqual({ wrongRows: 0, errors: [] });
  }, 120_000);

  it("shows the interleaving with pglite-socket's own queue (so the check above can fail)", async () => {
    const upstream = await hammer('--upstream-queue');
    expect(upstream.wrongRows + upstream.errors.length).toBeGreaterThan(0);
  }, 120_000);
});
