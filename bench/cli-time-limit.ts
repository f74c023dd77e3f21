/**
 * npm run bench:cli -- [VACANCIES] [TIME_LIMIT_MS]
 *
 * Generates a national instance of VACANCIES gaps (default 100,000; 10 seekers each), writes it
 * to a temporary file, runs `npm run match` on it with --candidates (the largest output) and
 * --time-limit-ms, and prints how long the whole run took against its limit, its exit code
 * and how much it wrote. Shows that the limit bounds the run; not a pass/fail test.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeJsonStreamed } from '../src/matching/cli/streamed-json';
import { COMPLEXES, generateInstance } from './instance-generator';

async function main(): Promise<void> {
  const vacancies = Number(process.argv[2] ?? 100_000);
  const timeLimitMs = Number(process.argv[3] ?? 60_000);
  const folder = mkdtempSync(join(tmpdir(), 'cli-time-limit-'));
  try {
    const input = join(folder, 'instance.json');
    const generatedAt = performance.now();
    const instance = generateInstance({
      seed: 55, vacancies, seekers: vacancies * 10, complexes: COMPLEXES, familiesPerSeeker: 1, firmsPerVacancy: 0.4, skillProbability: 0.3,
    });
    const file = createWriteStream(input);
    await writeJsonStreamed(file, instance, () => true, 2);
    await new Promise((resolve) => file.end(resolve));
    console.log(`instance: ${vacancies} vacancies, ${instance.seekers.length} seekers, ${(statSync(input).size / 1e6).toFixed(0)} MB, generated in ${Math.round(performance.now() - generatedAt)} ms`);

    const startedAt = performance.now();
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/matching/cli/match.cli.ts', '--input', input, '--candidates', '--time-limit-ms', String(timeLimitMs)], {
      cwd: join(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let written = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (written += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const elapsed = Math.round(performance.now() - startedAt);
    console.log(`match CLI: exit ${code} after ${elapsed} ms (limit ${timeLimitMs} ms), wrote ${(written / 1e6).toFixed(1)} MB${stderr ? `; stderr: ${stderr.trim().slice(0, 200)}` : ''}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
