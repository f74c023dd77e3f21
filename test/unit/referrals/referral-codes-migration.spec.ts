import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_REFERRAL_REASON_CODES, REFERRAL_STATUSES } from '../../../src/referrals/referral-states';

const migration = readFileSync(join(__dirname, '../../../migrations/1795680000000-Referrals.ts'), 'utf8');

function listIn(constraint: string): string[] {
  const match = new RegExp(`${constraint} CHECK \\((?:status|reason_code) IN \\(([^)]*)\\)`).exec(migration);
  if (!match) throw new Error(`${constraint} not found`);
  return match[1].split(',').map((code) => code.trim().replace(/^'|'$/g, '')).sort();
}

describe('the referral migration and referral-states.ts', () => {
  it.each(['ck_referrals_status', 'ck_referral_steps_status'])('%s allows exactly the statuses of the code', (constraint) => {
    expect(listIn(constraint)).toEqual([...REFERRAL_STATUSES].sort());
  });

  it.each(['ck_referrals_reason_code_known', 'ck_referral_steps_reason_code_known'])('%s allows exactly the reason codes of the code', (constraint) => {
    expect(listIn(constraint)).toEqual([...ALL_REFERRAL_REASON_CODES].sort());
  });
});
