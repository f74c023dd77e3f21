import { AccessLogService } from '../../src/access-log/access-log.service';
import { createFirm, createSeeker } from './factories';
import { createAccount } from './factories/accounts';
import { coordinator, firmUser } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

interface EntryRow {
  actor_role: string;
  actor_subject: string;
  actor_firm_id: string | null;
  actor_user_id: string | null;
  actor_email: string | null;
  seeker_id: string | null;
  seeker_ids: string[] | null;
  action: string;
  fields: string[];
}

/**
 * namesRecorded batches the calls that arrive while one is in flight into one statement
 * (StatementBatcher): each reader must still get only its own seekers' names and its own
 * entry, and a batch that cannot be written must give no one any name.
 */
describe('access log: names read together by concurrent readers', () => {
  let t: TestApp;
  let accessLog: AccessLogService;
  const action = 'leave-gaps.candidates';

  beforeAll(async () => {
    t = await createTestApp();
    accessLog = t.app.get(AccessLogService);
  });
  afterAll(() => t.close());

  const entriesOf = (subjects: string[]): Promise<EntryRow[]> =>
    t.dataSource.query(
      `SELECT actor_role, actor_subject, actor_firm_id, actor_user_id, actor_email, seeker_id, seeker_ids::text[] AS seeker_ids, action, fields
         FROM access_log WHERE actor_subject = ANY($1) ORDER BY id`,
      [subjects],
    );

  it('gives each reader of a batch its own names and its own entry', async () => {
    const seekers = await Promise.all(Array.from({ length: 5 }, (_, i) => createSeeker(t, { displayName: `구직자${i}` })));
    const [a, b, c, d, e] = seekers.map((seeker) => seeker.id);
    const firm = await createFirm(t);
    const account = await createAccount(t, { role: 'coordinator' });
    const suffix = a.slice(0, 8);
    const readers = [
      coordinator(`first-${suffix}`),
      { role: 'coordinator' as const, subject: `signed-in-${suffix}`, userId: account.id },
      firmUser(firm.id, `firm-${suffix}`),
      coordinator(`fourth-${suffix}`),
    ];
    // The first goes alone; the other three arrive while it is in flight and go as one batch.
    const calls = [
      accessLog.namesRecorded(readers[0], [a, b], { action, fields: ['displayName'] }),
      accessLog.namesRecorded(readers[1], [c, a, c], { action, fields: ['displayName'] }),
      accessLog.namesRecorded(readers[2], [d], { action, fields: ['displayName'] }),
      accessLog.namesRecorded(readers[3], [e, b, d], { action, fields: ['displayName'] }),
    ];
    const names = await Promise.all(calls);

    expect(names.map((map) => Object.fromEntries(map))).toEqual([
      { [a]: '구직자0', [b]: '구직자1' },
      { [c]: '구직자2', [a]: '구직자0' },
      { [d]: '구직자3' },
      { [e]: '구직자4', [b]: '구직자1', [d]: '구직자3' },
    ]);
    const entries = await entriesOf(readers.map((reader) => reader.subject));
    expect(entries).toEqual([
      expect.objectContaining({ actor_subject: readers[0].subject, actor_role: 'coordinator', seeker_id: null, seeker_ids: [a, b], actor_user_id: null }),
      expect.objectContaining({ actor_subject: readers[1].subject, seeker_id: null, seeker_ids: [c, a], actor_user_id: account.id, actor_email: account.email }),
      expect.objectContaining({ actor_subject: readers[2].subject, actor_role: 'firm', actor_firm_id: firm.id, seeker_id: d, seeker_ids: null }),
      expect.objectContaining({ actor_subject: readers[3].subject, actor_firm_id: null, seeker_ids: [e, b, d], action, fields: ['displayName'] }),
    ]);
  });

  it('writes no entry and gives no name to any reader of a batch that cannot be written', async () => {
    const seekers = await Promise.all([createSeeker(t, { displayName: '가' }), createSeeker(t, { displayName: '나' }), createSeeker(t, { displayName: '다' })]);
    const [a, b, c] = seekers.map((seeker) => seeker.id);
    const suffix = a.slice(0, 8);
    const first = accessLog.namesRecorded(coordinator(`alone-${suffix}`), [a], { action, fields: ['displayName'] });
    // Batched together while the first is in flight; the second's account id is not a uuid, so the statement fails.
    const together = [
      accessLog.namesRecorded(coordinator(`mate-${suffix}`), [b], { action, fields: ['displayName'] }),
      accessLog.namesRecorded({ role: 'coordinator', subject: `broken-${suffix}`, userId: 'not-a-uuid' }, [c], { action, fields: ['displayName'] }),
    ];
    await expect(first).resolves.toEqual(new Map([[a, '가']]));
    const outcomes = await Promise.allSettled(together);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    const entries = await entriesOf([`alone-${suffix}`, `mate-${suffix}`, `broken-${suffix}`]);
    expect(entries.map((entry) => entry.actor_subject)).toEqual([`alone-${suffix}`]);
  });
});
