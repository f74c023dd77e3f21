import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePrivateDirectory } from './private-directory';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('makePrivateDirectory (the embedded database folder)', () => {
  it('creates the folder with mode 0700', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'chaeum-private-')), 'nested', 'pglite');
    makePrivateDirectory(path);
    expect(modeOf(path)).toBe(0o700);
  });

  it('tightens a folder that exists with wider permissions', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'chaeum-private-')), 'pglite');
    mkdirSync(path, { mode: 0o755 });
    makePrivateDirectory(path);
    expect(modeOf(path)).toBe(0o700);
  });
});
