import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { match } from '../../../../src/matching/core/match';
import { MatchResult } from '../../../../src/matching/core/types';
import { validateInstance } from '../../../../src/matching/core/validate-instance';

const FIXTURES = join(__dirname, '../../../fixtures/matching');

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** The result without its timing, which is the one field allowed to differ between runs. */
function withoutTiming(result: MatchResult): unknown {
  const { solveMs: _solveMs, ...stats } = result.stats;
  return { ...result, stats };
}

/** Runs the engine on test/fixtures/matching/<name>/instance.json and compares with expected.json. */
export function expectGoldenScenario(name: string): void {
  const validation = validateInstance(readJson(join(FIXTURES, name, 'instance.json')));
  if (!validation.ok) throw new Error(`fixture ${name} is invalid:\n${validation.problems.join('\n')}`);
  const expected = withoutTiming(readJson(join(FIXTURES, name, 'expected.json')) as MatchResult);

  // A JSON round trip compares exactly what the command line would print.
  const actual = JSON.parse(JSON.stringify(withoutTiming(match(validation.instance))));
  expect(actual).toEqual(expected);
}
