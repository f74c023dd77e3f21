import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, EXPECTED_LEAVE_TYPES } from '../../../src/outreach/outreach-codes';

const migration = readFileSync(join(__dirname, '../../../migrations/1795685000000-Outreach.ts'), 'utf8');

function listIn(constraint: string): string[] {
  const match = new RegExp(`${constraint} CHECK \\([a-z_]+ IN \\(([^)]*)\\)`).exec(migration);
  if (!match) throw new Error(`${constraint} not found`);
  return match[1].split(',').map((code) => code.trim().replace(/^'|'$/g, '')).sort();
}

describe('the outreach migration and outreach-codes.ts', () => {
  it.each([
    ['ck_outreach_contacts_channel', CONTACT_CHANNELS],
    ['ck_outreach_contacts_outcome', CONTACT_OUTCOMES],
    ['ck_expected_leaves_leave_type', EXPECTED_LEAVE_TYPES],
  ])('%s allows exactly the codes of the code', (constraint, codes) => {
    expect(listIn(constraint)).toEqual([...codes].sort());
  });
});
