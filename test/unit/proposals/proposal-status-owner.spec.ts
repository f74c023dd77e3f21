import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * ProposalLifecycle is the only writer of proposals' status (and of new proposals): a
 * transition written anywhere else would skip its outbox event and its checks.
 */
const ROOT = join(__dirname, '../../..');
const OWNER = 'src/proposals/proposal-lifecycle.ts';
const WRITES = [
  /\bUPDATE\s+proposals\b/i,
  /\bINSERT\s+INTO\s+proposals\b/i,
  /\.(update|insert|save|upsert)\(\s*Proposal\b/,
  /getRepository\(\s*Proposal\s*\)/,
  /@InjectRepository\(\s*Proposal\s*\)/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the owner of proposals.status', () => {
  it('finds proposal writes in the owner only', () => {
    const offenders = sourceFiles(join(ROOT, 'src'))
      .map((path) => relative(ROOT, path))
      .filter((path) => path !== OWNER)
      .flatMap((path) => {
        const text = readFileSync(join(ROOT, path), 'utf8');
        return WRITES.filter((pattern) => pattern.test(text)).map((pattern) => `${path}: ${pattern}`);
      });
    expect(offenders).toEqual([]);
  });

  it('recognises a raw status write (the check can fail)', () => {
    const sample = "await manager.query(`UPDATE proposals SET status = 'superseded' WHERE id = $1`, [id]);";
    expect(WRITES.some((pattern) => pattern.test(sample))).toBe(true);
    expect(WRITES.some((pattern) => pattern.test('await manager.update(Proposal, { id }, { status })'))).toBe(true);
  });
});
