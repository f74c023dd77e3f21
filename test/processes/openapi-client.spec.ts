import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// In its own process: openapi-typescript's dependencies are ES modules, which Jest on Node 20 cannot require.
describe('the console client generated from the OpenAPI document', () => {
  it('is up to date (else run `npm run openapi` and commit web/src/api/schema.d.ts)', () => {
    const root = join(__dirname, '..', '..');
    const check = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/openapi.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 120_000);
});
