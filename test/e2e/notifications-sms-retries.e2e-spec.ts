import { Clock, FixedClock } from '../../src/clock/clock';
import { OutboxPublisher } from '../../src/notifications/outbox-publisher';
import { createNotificationWorld, recordReferralEvent, type NotificationWorld } from './support/notification-world';
import { startSmsStandIn, type SmsStandIn } from './support/sms-stand-in';
import type { TestApp } from './support/test-app';

const MAX_ATTEMPTS = 4;
const BASE_SECONDS = 30;

/**
 * The SMS/알림톡 adapter against a loopback provider: the idempotency key, retries with
 * exponential backoff on the test app's clock, and a delivery dead after NOTIFICATION_MAX_ATTEMPTS.
 */
describe('notifications: SMS provider, retries and dead deliveries', () => {
  let sms: SmsStandIn;
  let t: TestApp;
  let publisher: OutboxPublisher;
  let clock: FixedClock;
  let world: NotificationWorld;

  beforeAll(async () => {
    sms = await startSmsStandIn();
    Object.assign(process.env, {
      SMS_API_URL: sms.url,
      SMS_API_KEY: 'test-provider-key',
      NOTIFICATION_WORKER: 'false',
      NOTIFICATION_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      NOTIFICATION_RETRY_BASE_SECONDS: String(BASE_SECONDS),
    });
    const { createTestApp } = await import('./support/test-app');
    t = await createTestApp();
    publisher = t.app.get(OutboxPublisher);
    clock = t.app.get(Clock) as FixedClock;
    world = await createNotificationWorld(t);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await sms?.close();
    for (const name of ['SMS_API_URL', 'SMS_API_KEY', 'NOTIFICATION_WORKER', 'NOTIFICATION_MAX_ATTEMPTS', 'NOTIFICATION_RETRY_BASE_SECONDS']) delete process.env[name];
  });

  const smsDelivery = async (eventId: string) => {
    const [row] = await t.dataSource.query(
      `SELECT id, status, attempts, next_attempt_at, last_error FROM notification_deliveries WHERE outbox_event_id = $1 AND channel = 'sms' AND recipient_user_id = $2`,
      [eventId, world.seeker.id],
    );
    return row as { id: string; status: string; attempts: number; next_attempt_at: Date; last_error: string | null };
  };

  it('texts the seeker with the key the provider dedupes on, and a lost record only repeats the key', async () => {
    sms.status = 200;
    const eventId = await recordReferralEvent(t, world, 'offered');
    await publisher.drain();
    const key = `chaeum-${eventId}-sms-${world.seeker.id}`;
    expect(sms.delivered.get(key)?.body).toMatchObject({ to: world.seekerPhone.replace(/-/g, ''), text: expect.stringContaining('새 일자리 제안') });
    expect(sms.delivered.get(key)?.authorization).toBe('Bearer test-provider-key');
    expect((await smsDelivery(eventId)).status).toBe('sent');
    // Firm clerks and coordinators get no SMS.
    const others = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_deliveries WHERE channel = 'sms' AND recipient_user_id <> $1 AND outbox_event_id = $2`, [world.seeker.id, eventId]);
    expect(others[0].n).toBe(0);

    // As if the worker died after the provider's answer and before its record: the lease runs out, it is sent again.
    const delivery = await smsDelivery(eventId);
    await t.dataSource.query(`UPDATE notification_deliveries SET status = 'sending', sent_at = NULL, lease_until = $2 WHERE id = $1`, [delivery.id, new Date(clock.now().getTime() - 1000)]);
    const before = sms.requests.filter((request) => request.idempotencyKey === key).length;
    await publisher.drain();
    expect(sms.requests.filter((request) => request.idempotencyKey === key).length).toBe(before + 1);
    expect([...sms.delivered.keys()].filter((each) => each === key)).toHaveLength(1);
    expect((await smsDelivery(eventId)).status).toBe('sent');
  });

  it('retries a failing provider with exponential backoff and marks the delivery dead after the last attempt', async () => {
    sms.status = 503;
    const eventId = await recordReferralEvent(t, world, 'firm_interview');
    const key = `chaeum-${eventId}-sms-${world.seeker.id}`;
    const attemptsAtProvider = () => sms.requests.filter((request) => request.idempotencyKey === key).length;

    await publisher.drain();
    const waits: number[] = [];
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const delivery = await smsDelivery(eventId);
      expect(delivery).toMatchObject({ status: 'pending', attempts: attempt, last_error: 'sms_http_503' });
      waits.push((delivery.next_attempt_at.getTime() - clock.now().getTime()) / 1000);
      // Not yet due: another round sends nothing.
      await publisher.drain();
      expect(attemptsAtProvider()).toBe(attempt);
      clock.set(delivery.next_attempt_at);
      await publisher.drain();
    }
    expect(waits).toEqual([BASE_SECONDS, 2 * BASE_SECONDS, 4 * BASE_SECONDS]);
    expect(attemptsAtProvider()).toBe(MAX_ATTEMPTS);
    expect(await smsDelivery(eventId)).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });

    // Dead stays dead: the provider is back, nothing is sent again.
    sms.status = 200;
    clock.set(new Date(clock.now().getTime() + 24 * 3600 * 1000));
    await publisher.drain();
    expect(attemptsAtProvider()).toBe(MAX_ATTEMPTS);
    // The inbox did not wait for the provider.
    const inbox = await t.dataSource.query(`SELECT count(*)::int AS n FROM inbox_notifications WHERE outbox_event_id = $1 AND user_id = $2`, [eventId, world.seeker.id]);
    expect(inbox[0].n).toBe(1);
  });
});
