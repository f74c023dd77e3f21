import { readFileSync } from 'node:fs';
import { match, MatchOptions } from '../core/match';
import { validateInstance } from '../core/validate-instance';

/**
 * npm run --silent match -- --input FILE [--candidates] [--alternatives K] [--time-limit-ms N]
 *
 * Result JSON on stdout (exit 0); an invalid instance exits 2 with one line per problem on
 * stderr (malformed JSON included); bad flags or an unreadable file exit 1.
 */

const USAGE = 'usage: npm run --silent match -- --input FILE [--candidates] [--alternatives K] [--time-limit-ms N]';
const EXIT_USAGE = 1;
const EXIT_INVALID_INSTANCE = 2;

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

function main(argv: readonly string[]): number {
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
  process.stdout.write(`${JSON.stringify(match(validation.instance, parsed.options), null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
