import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aVacancy, anInstance } from '../unit/matching/support/instance-builders';

const REPOSITORY = join(__dirname, '../..');
const FIXTURES = join(REPOSITORY, 'test/fixtures/matching');

/** Through `npm run match`, exactly as documented. */
function runNpmScript(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'match', '--', ...args], { cwd: REPOSITORY, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The same entry point without npm's start-up cost. */
function runCli(...args: string[]) {
  const entry = ['-r', 'ts-node/register/transpile-only', 'src/matching/cli/match.cli.ts'];
  const run = spawnSync(process.execPath, [...entry, ...args], { cwd: REPOSITORY, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('match command line', () => {
  let directory: string;
  const writeInput = (name: string, content: string) => {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  };

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'match-cli-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  test('prints the result of a valid instance as JSON and exits 0', () => {
    const scenario = join(FIXTURES, 'fill-first-beats-best-single-pair');
    const run = runNpmScript('--input', join(scenario, 'instance.json'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const expected = JSON.parse(readFileSync(join(scenario, 'expected.json'), 'utf8'));
    const actual = JSON.parse(run.stdout);
    expect(actual.stats.solveMs).toEqual(expect.any(Number));
    expect({ ...actual, stats: { ...actual.stats, solveMs: 0 } }).toEqual({ ...expected, stats: { ...expected.stats, solveMs: 0 } });
  }, 30_000);

  test('--candidates adds every feasible pair; --alternatives limits the alternatives', () => {
    const scenario = join(FIXTURES, 'fill-first-beats-best-single-pair', 'instance.json');
    const run = runCli('--input', scenario, '--candidates', '--alternatives', '0', '--time-limit-ms', '5000');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.alternatives).toEqual({});
    expect(result.candidates).toEqual([
      { vacancyId: 'v-1', seekerId: 's-1', score: 92.5, commuteMinutes: 0 },
      { vacancyId: 'v-1', seekerId: 's-2', score: 80, commuteMinutes: 30 },
      { vacancyId: 'v-2', seekerId: 's-1', score: 92.5, commuteMinutes: 0 },
    ]);
  }, 30_000);

  test('an invalid instance exits 2 with one line per problem naming the field, and nothing on stdout', () => {
    const instance = anInstance({ vacancies: [aVacancy({ start: '2026-04-01', end: '2026-03-31', weeklyHours: 60 })] });
    const run = runCli('--input', writeInput('invalid.json', JSON.stringify(instance)));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('vacancies[0].end: must not be before start\nvacancies[0].weeklyHours: must be a number from 1 to 52\n');
  }, 30_000);

  test('an unknown field is rejected', () => {
    const instance = { ...anInstance(), vacancies: [{ ...aVacancy(), colour: 'red' }] };
    const run = runCli('--input', writeInput('unknown-field.json', JSON.stringify(instance)));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('vacancies[0].colour: unknown field\n');
  }, 30_000);

  test('malformed JSON is an invalid instance', () => {
    const run = runCli('--input', writeInput('broken.json', '{"vacancies": ['));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^instance: not valid JSON/);
  }, 30_000);

  test('bad flags and unreadable files exit 1 with a clear message', () => {
    const unknownFlag = runCli('--input', join(FIXTURES, 'fill-first-beats-best-single-pair', 'instance.json'), '--fast');
    expect(unknownFlag.status).toBe(1);
    expect(unknownFlag.stdout).toBe('');
    expect(unknownFlag.stderr).toMatch(/^unknown argument: --fast\nusage: /);

    const badCount = runCli('--input', 'x.json', '--alternatives', 'three');
    expect(badCount.status).toBe(1);
    expect(badCount.stderr).toMatch(/^--alternatives needs a non-negative integer, got three/);

    const missing = runCli('--input', join(directory, 'nowhere.json'));
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^cannot read .*nowhere\.json/);

    const noInput = runCli();
    expect(noInput.status).toBe(1);
    expect(noInput.stderr).toMatch(/^--input FILE is required/);
  }, 60_000);
});
