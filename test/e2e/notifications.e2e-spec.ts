import { recordEvent } from '../../src/outbox/outbox';
import { OutboxPublisher } from '../../src/notifications/outbox-publisher';
import { API } from './factories';
import {
  accountToken,
  createNotificationWorld,
  insertReferralSeenByFirm,
  recordReferralEvent,
  startNotifyingApp,
  type NotificationWorld,
  type NotifyingApp,
} from './support/notification-world';
import type { SmtpTestServer } from './support/smtp-test-server';
import type { TestApp } from './support/test-app';

/**
 * Every referral event reaches exactly the accounts it concerns (contracts.md "Recipients"),
 * through the SMTP test server and the in-app inbox, once each, however often the publisher
 * runs; texts carry nothing the recipient may not see.
 */
describe('notifications: outbox → e-mail and in-app inbox', () => {
  let notifying: NotifyingApp;
  let smtp: SmtpTestServer;
  let t: TestApp;
  let publisher: OutboxPublisher;
  let world: NotificationWorld;

  beforeAll(async () => {
    notifying = await startNotifyingApp();
    ({ t, smtp, publisher } = notifying);
    world = await createNotificationWorld(t);
  }, 120_000);

  afterAll(() => notifying?.close());

  const mailsOfEvent = (eventId: string) => smtp.accepted.filter((mail) => mail.deliveryKey?.startsWith(`chaeum-${eventId}-email-`));
  const inboxOfEvent = async (eventId: string): Promise<string[]> =>
    (await t.dataSource.query(`SELECT user_id FROM inbox_notifications WHERE outbox_event_id = $1 ORDER BY user_id`, [eventId])).map(
      (row: { user_id: string }) => row.user_id,
    );

  it('sends every referral event to the right accounts, once per channel, also when the publisher runs again', async () => {
    const seeker = [world.seeker.id];
    const firm = world.firmClerks.map((user) => user.id);
    const coordinator = [world.coordinator.id];
    const seenReferral = await insertReferralSeenByFirm(t, world);
    const cases: { status: string; extra?: Parameters<typeof recordReferralEvent>[3]; mine: string[] }[] = [
      { status: 'offered', mine: seeker },
      { status: 'seeker_accepted', mine: [...firm, ...coordinator] },
      { status: 'seeker_declined', extra: { reasonCode: 'wage' }, mine: coordinator },
      { status: 'firm_interview', mine: seeker },
      { status: 'hired', extra: { startDate: '2027-03-02' }, mine: [...seeker, ...firm] },
      { status: 'firm_declined', extra: { reasonCode: 'skills' }, mine: [...seeker, ...coordinator] },
      { status: 'retained_30_days', mine: coordinator },
      { status: 'ended_early', extra: { reasonCode: 'seeker_quit' }, mine: [...coordinator, ...firm] },
      { status: 'withdrawn', extra: { reasonCode: 'gap_cancelled' }, mine: seeker },
      { status: 'withdrawn', extra: { referralId: seenReferral, reasonCode: 'coordinator' }, mine: [...seeker, ...firm] },
    ];
    const events = [];
    for (const step of cases) events.push({ ...step, eventId: await recordReferralEvent(t, world, step.status, step.extra) });

    await publisher.drain();
    await publisher.drain();

    const worldIds = new Set([world.seeker.id, ...firm, world.coordinator.id, world.disabledCoordinator.id, world.otherFirmClerk.id]);
    const emailOf = new Map([world.seeker, ...world.firmClerks, world.coordinator].map((user) => [user.id, user.email.toLowerCase()]));
    for (const event of events) {
      const expected = [...event.mine].sort();
      const inbox = (await inboxOfEvent(event.eventId)).filter((id) => worldIds.has(id));
      expect({ event: event.status, inbox }).toEqual({ event: event.status, inbox: expected });
      const mails = mailsOfEvent(event.eventId).filter((mail) => [...worldIds].some((id) => mail.deliveryKey!.endsWith(id)));
      expect({ event: event.status, mails: mails.map((mail) => mail.to).flat().sort() }).toEqual({
        event: event.status,
        mails: expected.map((id) => emailOf.get(id)).sort(),
      });
    }
    const keys = smtp.accepted.map((mail) => mail.deliveryKey);
    expect(new Set(keys).size).toBe(keys.length);
    const events2 = await t.dataSource.query(`SELECT count(*)::int AS open FROM outbox_events WHERE id = ANY($1::bigint[]) AND published_at IS NULL`, [
      events.map((event) => event.eventId),
    ]);
    expect(events2[0].open).toBe(0);
  });

  it('writes only what the recipient may see, with reason codes as Korean labels', async () => {
    const declined = await recordReferralEvent(t, world, 'seeker_declined', { reasonCode: 'commute' });
    const accepted = await recordReferralEvent(t, world, 'seeker_accepted');
    await publisher.drain();
    const texts: { event: string; audience: string; subject: string; body: string }[] = await t.dataSource.query(
      `SELECT d.outbox_event_id::text AS event, u.role AS audience, d.subject, d.body
       FROM notification_deliveries d JOIN users u ON u.id = d.recipient_user_id
       WHERE d.outbox_event_id = ANY($1::bigint[]) AND d.recipient_user_id = ANY($2::uuid[])`,
      [[declined, accepted], [world.coordinator.id, ...world.firmClerks.map((user) => user.id)]],
    );
    expect(texts.length).toBeGreaterThanOrEqual(6);
    for (const text of texts) {
      expect(text.body).not.toContain(world.seekerPhone);
      expect(text.body).not.toContain(world.seekerName);
      expect(text.body).not.toContain('commute');
    }
    const coordinatorText = texts.find((text) => text.event === declined && text.audience === 'coordinator')!;
    expect(coordinatorText.body).toContain('사유: 통근 거리');
    const firmText = texts.find((text) => text.event === accepted && text.audience === 'firm')!;
    expect(firmText.subject).toBe('추천 구직자가 제안을 수락했습니다');
    expect(firmText.body).toContain('CNC 가공원');
  });

  it('publishes events nobody hears about without deliveries', async () => {
    await recordEvent(t.dataSource.manager, { type: 'match_run.queued', aggregateType: 'match_run', aggregateId: world.firmId, payload: { retry: false } });
    const [{ id }] = await t.dataSource.query(`SELECT max(id)::text AS id FROM outbox_events WHERE aggregate_id = $1`, [world.firmId]);
    await publisher.drain();
    const [event] = await t.dataSource.query(`SELECT published_at FROM outbox_events WHERE id = $1`, [id]);
    expect(event.published_at).not.toBeNull();
    const deliveries = await t.dataSource.query(`SELECT id FROM notification_deliveries WHERE outbox_event_id = $1`, [id]);
    expect(deliveries).toEqual([]);
  });

  it('serves each account its own inbox with the unread count, mark read and mark all read', async () => {
    await recordReferralEvent(t, world, 'offered');
    await recordReferralEvent(t, world, 'firm_interview');
    await publisher.drain();
    const token = accountToken(world.seeker);
    const page = await t.anonymous.get(`${API}/me/notifications`).set('Authorization', token).expect(200);
    expect(page.body.unreadCount).toBe(page.body.total);
    expect(page.body.items[0]).toMatchObject({ eventType: 'referral.firm_interview', subject: '기업이 면접을 요청했습니다', readAt: null });
    const unread = page.body.unreadCount as number;
    expect(unread).toBeGreaterThanOrEqual(2);

    const read = await t.anonymous.post(`${API}/me/notifications/${page.body.items[0].id}/read`).set('Authorization', token).expect(200);
    expect(read.body.readAt).not.toBeNull();
    const count = await t.anonymous.get(`${API}/me/notifications/unread-count`).set('Authorization', token).expect(200);
    expect(count.body.unreadCount).toBe(unread - 1);
    const unreadOnly = await t.anonymous.get(`${API}/me/notifications?unread=true`).set('Authorization', token).expect(200);
    expect(unreadOnly.body.items.map((item: { id: string }) => item.id)).not.toContain(page.body.items[0].id);

    // Another account's message is not found, and is left unread.
    const otherToken = accountToken(world.firmClerks[0]);
    const [someoneElses] = await t.dataSource.query(`SELECT id FROM inbox_notifications WHERE user_id = $1 AND read_at IS NULL LIMIT 1`, [world.seeker.id]);
    const refused = await t.anonymous.post(`${API}/me/notifications/${someoneElses.id}/read`).set('Authorization', otherToken).expect(404);
    expect(refused.body.code).toBe('notification.not_found');

    const all = await t.anonymous.post(`${API}/me/notifications/read-all`).set('Authorization', token).expect(200);
    expect(all.body).toEqual({ marked: unread - 1, unreadCount: 0 });
    const [left] = await t.dataSource.query(`SELECT count(*)::int AS n FROM inbox_notifications WHERE user_id = $1 AND read_at IS NULL`, [world.seeker.id]);
    expect(left.n).toBe(0);
  });

  it('answers 401 auth.no_account to a token without an account', async () => {
    const response = await t.api.get(`${API}/me/notifications`).expect(401);
    expect(response.body.code).toBe('auth.no_account');
  });

  it('refuses a page size beyond the limit, naming the field', async () => {
    const response = await t.anonymous.get(`${API}/me/notifications?pageSize=1000`).set('Authorization', accountToken(world.seeker)).expect(400);
    expect(response.body.errors[0]).toMatchObject({ field: 'pageSize' });
  });
});
