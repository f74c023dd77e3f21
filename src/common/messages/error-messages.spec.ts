import 'reflect-metadata';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { ERROR_MESSAGES, VALIDATION_RULE_MESSAGES } from './error-messages';
import { localizeProblem } from './localize-problem';

const SRC = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const KIND = `'[a-z_]+'`;
const LITERAL = `['\`]([a-z_]+(?:\\.[a-z_]+)+)['\`]`;
/** Where the source names an error code: error constructors, `code:` in problems and rule lists, HTTP-status codes. */
const CODE_SITES = [
  new RegExp(`(?:DomainError|ConflictError|RuleViolation)\\(\\s*(?:${KIND},\\s*)?${LITERAL}`, 'g'),
  new RegExp(`super\\(\\s*(?:${KIND},\\s*)?${LITERAL}`, 'g'),
  new RegExp(`\\bcode:\\s*${LITERAL}`, 'g'),
  new RegExp(`^\\s*\\d{3}:\\s*${LITERAL}`, 'gm'),
];
/** Codes held in a constant first: `const KEY_REUSED = 'idempotency.key_reused'` … `new ConflictError(KEY_REUSED`. */
const CONSTANT = /\bconst ([A-Z_]+) = '([a-z_]+(?:\.[a-z_]+)+)'/g;
const CONSTANT_USE = /(?:DomainError|ConflictError|RuleViolation)\(\s*(?:'[a-z_]+',\s*)?([A-Z_]+)\b/g;

/** Every error code a file of `src` emits, with the file, for a readable failure. */
function emittedCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const where = relative(SRC, file);
    for (const site of CODE_SITES) for (const match of text.matchAll(site)) codes.set(match[1], where);
    for (const match of text.matchAll(/NotFoundError\(\s*'([a-z_]+)'/g)) codes.set(`${match[1]}.not_found`, where);
    // The leave law builds `leave_gap.<rule>` from violate('<rule>', ...).
    if (text.includes('code: `leave_gap.${code}`')) {
      for (const match of text.matchAll(/violate\(\s*'([a-z_]+)'/g)) codes.set(`leave_gap.${match[1]}`, where);
    }
    const constants = new Map([...text.matchAll(CONSTANT)].map((match) => [match[1], match[2]]));
    for (const match of text.matchAll(CONSTANT_USE)) {
      const code = constants.get(match[1]);
      if (code) codes.set(code, where);
    }
  }
  return codes;
}

/** class-validator rules of every DTO in `src` (each rule's constraint name is an `errors[i].code`). */
function validationRules(): Set<string> {
  for (const file of sourceFiles(SRC)) {
    if (readFileSync(file, 'utf8').includes("from 'class-validator'")) require(file);
  }
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<unknown, { type: string; constraintCls: new () => unknown }[]>;
    getTargetValidatorConstraints(target: unknown): { name: string }[];
  };
  const rules = new Set<string>(['whitelistValidation']);
  for (const list of storage.validationMetadatas.values()) {
    for (const metadata of list) {
      if (metadata.type === 'customValidation') {
        for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) rules.add(constraint.name);
      } else if (metadata.type !== 'conditionalValidation') {
        rules.add(metadata.type);
      }
    }
  }
  return rules;
}

describe('error messages', () => {
  it('has a Korean and an English message for every error code the source emits', () => {
    const codes = emittedCodes();
    // The collector must find the codes it is meant to find, or this test proves nothing.
    expect([...codes.keys()]).toEqual(
      expect.arrayContaining(['leave_gap.maternity_too_long', 'placement.seeker_double_booked', 'pipa.resident_number_forbidden', 'auth.invalid_token', 'idempotency.key_reused', 'seeker.not_found', 'request.invalid']),
    );
    const missing = [...codes].filter(([code]) => !ERROR_MESSAGES[code]?.ko || !ERROR_MESSAGES[code]?.en).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('has a Korean message for every validation rule a DTO uses', () => {
    const rules = validationRules();
    expect([...rules]).toEqual(expect.arrayContaining(['isNotEmpty', 'max', 'isCalendarDate', 'isUuid', 'nestedValidation']));
    expect([...rules].filter((rule) => !VALIDATION_RULE_MESSAGES[rule]?.ko)).toEqual([]);
  });

  it('says a validation failure in Korean, with the field and the rule limit', () => {
    const problem = localizeProblem(
      {
        status: 400,
        code: 'validation.failed',
        detail: 'The request has invalid fields.',
        errors: [
          { field: 'requiredSkills[0].level', code: 'max', message: 'level must not be greater than 5' },
          { field: 'roleTitle', code: 'isNotEmpty', message: 'roleTitle should not be empty' },
        ],
      },
      'ko',
    );
    expect(problem.detail).toBe('요청에 잘못된 항목이 있습니다.');
    expect(problem.errors).toEqual([
      { field: 'requiredSkills[0].level', code: 'max', message: 'requiredSkills[0].level: 5 이하여야 합니다.' },
      { field: 'roleTitle', code: 'isNotEmpty', message: 'roleTitle: 비워 둘 수 없습니다.' },
    ]);
  });

  it('joins several broken domain rules into one Korean detail, and leaves English alone', () => {
    const problem = {
      status: 400,
      code: 'leave_gap.maternity_too_long',
      detail: 'maternity leave lasts at most 90 days (this one: 95); handover lasts at most 60 days before the leave',
      errors: [
        { field: 'leaveEnd', code: 'leave_gap.maternity_too_long', message: 'maternity leave lasts at most 90 days (this one: 95)' },
        { field: 'handoverDays', code: 'leave_gap.handover_too_long', message: 'handover lasts at most 60 days before the leave' },
      ],
    };
    expect(localizeProblem(problem, 'ko').detail).toBe(`${ERROR_MESSAGES['leave_gap.maternity_too_long'].ko} ${ERROR_MESSAGES['leave_gap.handover_too_long'].ko}`);
    expect(localizeProblem(problem, 'en')).toBe(problem);
  });
});
