import { readFileSync } from 'node:fs';
import type { MatchOptions } from '../core/match';
import type { MatchResult } from '../core/types';
import { validateInstance } from '../core/validate-instance';
import type { SolverCollected, SolveReply, SolveRequest, SolverReady } from '../solver/solve-messages';
import { startSolverWorker } from '../solver/solver-thread';
import { writeJsonStreamed } from './streamed-json';

/**
 * npm run --silent match -- --input FILE [--candidates] [--alternatives K] [--time-limit-ms N]
 *
 * Result JSON on stdout (exit 0), streamed however large; an invalid instance exits 2 with one
 * line per problem on stderr (malformed JSON included); bad flags or an unreadable file exit 1.
 * --time-limit-ms bounds the whole run, reading, building pairs, solving and writing: the engine
 * gets what reading left of it, and a run still busy well past it (half the limit, at least 5 s) exits 3.
 */

const USAGE = 'usage: npm run --silent match -- --input FILE [--candidates] [--alternatives K] [--time-limit-ms N]';
const EXIT_USAGE = 1;
const EXIT_INVALID_INSTANCE = 2;
const EXIT_TIME_LIMIT = 3;
/**
 * How far past the limit the engine may answer before it is stopped: it checks the clock only
 * between steps, and a loaded machine stretches a step several times (load 20 was seen here).
 */
const hardStopGraceMs = (limitMs: number) => Math.max(5_000, limitMs / 2);

interface CliArguments {
  readonly input: string;
  readonly options: MatchOptions;
}

class UsageError extends Error {}

function parseCount(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`${flag} needs a non-negative integer, got ${value ?? 'nothing'}`);
  return Number(value);
}

function parseArguments(argv: readonly string[]): CliArguments {
  let input: string | undefined;
  let candidates = false;
  let alternatives: number | undefined;
  let timeLimitMs: number | undefined;
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    switch (flag) {
      case '--input':
        input = argv[++index];
        if (input === undefined) throw new UsageError('--input needs a file name');
        break;
      case '--candidates':
        candidates = true;
        break;
      case '--alternatives':
        alternatives = parseCount(flag, argv[++index]);
        break;
      case '--time-limit-ms':
        timeLimitMs = parseCount(flag, argv[++index]);
        break;
      default:
        throw new UsageError(`unknown argument: ${flag}`);
    }
  }
  if (input === undefined) throw new UsageError('--input FILE is required');
  return { input, options: { candidates, alternatives, timeLimitMs } };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Malformed JSON is an invalid instance too: the file was read, its content is wrong. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problems: string[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problems: [`instance: not valid JSON (${(error as Error).message})`] };
  }
}

class TimeLimitExceeded extends Error {}

/**
 * The engine in a worker thread, so that a time limit can stop even a step that does not look
 * at the clock. The budget starts when the thread has loaded (under ts-node that takes seconds).
 */
function solveWithin(instanceJson: string, options: MatchOptions, budgetMs: () => number | undefined): Promise<MatchResult> {
  const worker = startSolverWorker();
  return new Promise<MatchResult>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    worker.on('message', (reply: SolveReply | SolverReady | SolverCollected) => {
      if ('collected' in reply) return;
      if ('ready' in reply) {
        const budget = budgetMs();
        if (budget !== undefined) {
          if (budget <= 0) return reject(new TimeLimitExceeded('reading the instance'));
          timer = setTimeout(() => reject(new TimeLimitExceeded('building pairs and solving')), budget + hardStopGraceMs(budget));
        }
        worker.postMessage({ id: 1, instanceJson, options: { ...options, timeLimitMs: budget } } satisfies SolveRequest);
        return;
      }
      clearTimeout(timer);
      if ('error' in reply) reject(new Error(`the matching engine failed: ${reply.error}`));
      else if ('invalid' in reply) reject(new Error(`the instance is invalid: ${reply.invalid[0]}`));
      else if ('result' in reply) resolve(reply.result);
      else reject(new Error('the solver thread answered with rows, not the result asked for'));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  }).finally(() => void worker.terminate());
}

async function main(argv: readonly string[]): Promise<number> {
  const startedAt = performance.now();
  let parsed: CliArguments;
  let text: string;
  try {
    parsed = parseArguments(argv);
    text = readText(parsed.input);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const json = parseJson(text);
  const validation = json.ok ? validateInstance(json.value) : json;
  if (!validation.ok) {
    process.stderr.write(validation.problems.map((problem) => `${problem}\n`).join(''));
    return EXIT_INVALID_INSTANCE;
  }
  const limitMs = parsed.options.timeLimitMs;
  // The thread's own start-up is not the run's work: the clock pauses while it loads.
  let pausedMs = 0;
  const remainingMs = () => (limitMs === undefined ? Infinity : limitMs - (performance.now() - startedAt - pausedMs));
  try {
    if (remainingMs() <= 0) throw new TimeLimitExceeded('reading the instance');
    const spawnedAt = performance.now();
    const result = await solveWithin(text, parsed.options, () => {
      pausedMs = performance.now() - spawnedAt;
      return limitMs === undefined ? undefined : Math.floor(remainingMs());
    });
    const complete = await writeJsonStreamed(process.stdout, result, () => remainingMs() > -hardStopGraceMs(limitMs ?? 0));
    if (!complete) throw new TimeLimitExceeded('writing the result');
    return 0;
  } catch (error) {
    if (!(error instanceof TimeLimitExceeded)) throw error;
    process.stderr.write(`time limit of ${limitMs} ms exceeded while ${error.message}; no result\n`);
    return EXIT_TIME_LIMIT;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
