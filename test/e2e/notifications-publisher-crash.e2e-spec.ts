import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createNotificationWorld, recordReferralEvent } from './support/notification-world';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';
import type { TestApp } from './support/test-app';

const ROOT = join(__dirname, '..', '..');
const EVENTS = 8;
/** Each hire tells the seeker and the firm's two clerks. */
const MAILS_PER_EVENT = 3;
const KILL_AT_MAIL = 7;

/** Polls until `condition` holds; the deadline turns a hang into a failure that says what it waited for. */
async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The publisher as its own process (npm run notifications:publish), SIGKILLed while the SMTP
 * server is receiving a message in the middle of a batch, then started again: every message
 * still arrives exactly once, counted on the SMTP server.
 */
describe('notifications: the publisher killed mid-batch and restarted', () => {
  let smtp: SmtpTestServer;
  let t: TestApp;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    // Only the child publishes: a publisher in this app (no SMTP) would fan the events out without e-mail.
    process.env.NOTIFICATION_WORKER = 'false';
    const { createTestApp } = await import('./support/test-app');
    t = await createTestApp();
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await t?.close();
    await smtp?.close();
    delete process.env.NOTIFICATION_WORKER;
  });

  function startPublisher(): ChildProcess {
    const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', join(ROOT, 'scripts', 'notifications-publish.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        SMTP_URL: smtp.url,
        NOTIFICATION_WORKER: 'true',
        LOG_LEVEL: 'warn',
        MATCH_WORKER: 'false',
        NOTIFICATION_BATCH_SIZE: '5',
        NOTIFICATION_LEASE_SECONDS: '1',
        NOTIFICATION_SEND_TIMEOUT_MS: '1000',
        NOTIFICATION_POLL_MS: '100',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    return child;
  }

  it('delivers every e-mail and inbox message exactly once', async () => {
    const world = await createNotificationWorld(t);
    const eventIds: string[] = [];
    for (let index = 0; index < EVENTS; index++) eventIds.push(await recordReferralEvent(t, world, 'hired', { startDate: '2027-03-02' }));
    const recipients = [world.seeker.id, ...world.firmClerks.map((user) => user.id)];
    const expectedKeys = eventIds.flatMap((eventId) => recipients.map((userId) => `chaeum-${eventId}-email-${userId}`)).sort();
    const mine = () => smtp.accepted.filter((mail) => expectedKeys.includes(mail.deliveryKey ?? ''));

    const first = startPublisher();
    const killed = new Promise<void>((resolve) => first.once('exit', () => resolve()));
    let seen = 0;
    smtp.beforeAccept = (mail) => {
      if (!expectedKeys.includes(mail.deliveryKey ?? '')) return;
      seen++;
      if (seen === KILL_AT_MAIL) {
        first.kill('SIGKILL');
        throw new Error('the sender died before this message was accepted');
      }
    };
    await killed;
    expect(first.signalCode).toBe('SIGKILL');
    expect(mine()).toHaveLength(KILL_AT_MAIL - 1);
    // The killed worker held a claim: the message it was sending is still 'sending' under its lease.
    const [held] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notification_deliveries WHERE outbox_event_id = ANY($1::bigint[]) AND channel = 'email' AND status = 'sending'`,
      [eventIds],
    );
    expect(held.n).toBeGreaterThan(0);

    smtp.beforeAccept = undefined;
    const second = startPublisher();
    await waitUntil('every e-mail to be recorded as sent', async () => {
      const [row] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notification_deliveries WHERE outbox_event_id = ANY($1::bigint[]) AND channel = 'email' AND status = 'sent'`,
        [eventIds],
      );
      return row.n === EVENTS * MAILS_PER_EVENT;
    });
    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));

    expect(mine().map((mail) => mail.deliveryKey).sort()).toEqual(expectedKeys);
    const inbox: { n: number; pairs: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT (user_id, outbox_event_id))::int AS pairs FROM inbox_notifications
       WHERE outbox_event_id = ANY($1::bigint[]) AND user_id = ANY($2::uuid[])`,
      [eventIds, recipients],
    );
    expect(inbox[0]).toEqual({ n: EVENTS * MAILS_PER_EVENT, pairs: EVENTS * MAILS_PER_EVENT });
  }, 180_000);
});
