import { addDays } from '../../src/common/calendar-date';
import { Clock, FixedClock } from '../../src/clock/clock';
import { OutboxPublisher } from '../../src/notifications/outbox-publisher';
import { RETENTION_DAYS } from '../../src/referrals/referral-states';
import type { User } from '../../src/users/user.entity';
import { API, createFirm, createLeaveGap, createSeeker } from './factories';
import { createAccount } from './factories/accounts';
import { gap2027, insertFinishedRun, insertProposals, seeker2027, uniqueSkill } from './factories/matching';
import { accountToken, startNotifyingApp, type NotifyingApp } from './support/notification-world';
import type { SmtpTestServer } from './support/smtp-test-server';
import type { TestApp } from './support/test-app';

type Body = Record<string, any>;

/**
 * One referral taken through the API from offer to 30-day retention, the publisher run after
 * each step: every step's notification reaches exactly the accounts it concerns, once by e-mail
 * (the SMTP test server) and once in the in-app inbox, however often the publisher runs.
 */
describe('a referral through its states, each step notified once', () => {
  let notifying: NotifyingApp;
  let smtp: SmtpTestServer;
  let t: TestApp;
  let publisher: OutboxPublisher;

  beforeAll(async () => {
    notifying = await startNotifyingApp();
    ({ t, smtp, publisher } = notifying);
  }, 120_000);

  afterAll(() => notifying?.close());

  it('notifies seeker, firm and coordinator of their steps, and nobody else, exactly once per channel', async () => {
    const skill = uniqueSkill('notified-referral');
    const firm = await createFirm(t);
    const gap: Body = await createLeaveGap(t, firm.id, gap2027(skill));
    const seekerRow = await createSeeker(t, seeker2027(skill));
    const seeker = await createAccount(t, { role: 'seeker', seekerId: seekerRow.id });
    const clerk = await createAccount(t, { role: 'firm', firmId: firm.id });
    const coordinator = await createAccount(t, { role: 'coordinator' });
    const otherClerk = await createAccount(t, { role: 'firm', firmId: (await createFirm(t)).id });
    const as = (user: User) => ({ Authorization: accountToken(user) });
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seekerRow.id }]);
    // Events written before this referral (other specs, the run above) are not this test's.
    await publisher.drain();

    const referral = (await t.api.post(`${API}/proposals/${proposalId}/referral`).set(as(coordinator)).send({ note: '전화로 안내함' }).expect(201)).body;
    await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(as(seeker)).send({ answer: 'accept' }).expect(200);
    await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).set(as(clerk)).send({ answer: 'interview' }).expect(200);
    const startDate = gap.vacancy.placementStart as string;
    await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).set(as(clerk)).send({ answer: 'hire', startDate }).expect(200);
    const clock = t.app.get(Clock) as FixedClock;
    clock.set(new Date(`${addDays(startDate, RETENTION_DAYS)}T12:00:00+09:00`));
    await t.api.post(`${API}/referrals/${referral.id}/outcome`).set(as(coordinator)).send({ outcome: 'retained_30_days' }).expect(200);

    await publisher.drain();
    await publisher.drain();

    const events: { id: string; type: string }[] = await t.dataSource.query(
      `SELECT id::text, type FROM outbox_events WHERE aggregate_type = 'referral' AND aggregate_id = $1 ORDER BY id`,
      [referral.id],
    );
    expect(events.map((event) => event.type)).toEqual([
      'referral.offered',
      'referral.seeker_accepted',
      'referral.firm_interview',
      'referral.hired',
      'referral.retained_30_days',
    ]);
    const people = new Map([seeker, clerk, coordinator, otherClerk].map((user) => [user.id, user]));
    const expected: Record<string, User[]> = {
      'referral.offered': [seeker],
      'referral.seeker_accepted': [clerk, coordinator],
      'referral.firm_interview': [seeker],
      'referral.hired': [seeker, clerk],
      'referral.retained_30_days': [coordinator],
    };
    for (const event of events) {
      const inbox: { user_id: string }[] = await t.dataSource.query(`SELECT user_id FROM inbox_notifications WHERE outbox_event_id = $1`, [event.id]);
      const mails = smtp.accepted.filter((mail) => mail.deliveryKey?.startsWith(`chaeum-${event.id}-email-`));
      const mine = (ids: string[]) => ids.filter((id) => people.has(id)).sort();
      const want = expected[event.type].map((user) => user.id).sort();
      expect({ event: event.type, inbox: mine(inbox.map((row) => row.user_id)) }).toEqual({ event: event.type, inbox: want });
      const mailedTo = mails.map((mail) => mail.deliveryKey!.slice(-36));
      expect({ event: event.type, mails: mine(mailedTo) }).toEqual({ event: event.type, mails: want });
    }
    const keys = smtp.accepted.map((mail) => mail.deliveryKey);
    expect(new Set(keys).size).toBe(keys.length);
    // The coordinator's note never leaves the timeline.
    expect(smtp.accepted.some((mail) => JSON.stringify(mail).includes('전화로 안내함'))).toBe(false);
  }, 120_000);
});
