import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../src/auth/principal';
import { recordEvent, type OutboxEventType } from '../../../src/outbox/outbox';
import type { User } from '../../../src/users/user.entity';
import { createFirm, createLeaveGap, createSeeker } from '../factories';
import { createAccount } from '../factories/accounts';
import { insertFinishedRun, insertProposals } from '../factories/matching';
import { OutboxPublisher } from '../../../src/notifications/outbox-publisher';
import { bearer } from './auth';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server';
import type { TestApp } from './test-app';

/**
 * The people of one referral, with accounts: the seeker, two clerks of the gap's firm, an
 * active and a disabled coordinator, and a clerk of another firm who must never hear of it.
 */
export interface NotificationWorld {
  readonly firmId: string;
  readonly leaveGapId: string;
  readonly seekerId: string;
  readonly seekerPhone: string;
  readonly seekerName: string;
  readonly seeker: User;
  readonly firmClerks: User[];
  readonly coordinator: User;
  readonly disabledCoordinator: User;
  readonly otherFirmClerk: User;
}

export async function createNotificationWorld(t: TestApp): Promise<NotificationWorld> {
  const firm = await createFirm(t);
  const other = await createFirm(t);
  const gap = await createLeaveGap(t, firm.id);
  const seeker = await createSeeker(t);
  const disabledCoordinator = await createAccount(t, { role: 'coordinator' });
  await t.dataSource.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [disabledCoordinator.id]);
  return {
    firmId: firm.id,
    leaveGapId: gap.id,
    seekerId: seeker.id,
    seekerPhone: seeker.phone as string,
    seekerName: seeker.displayName as string,
    seeker: await createAccount(t, { role: 'seeker', seekerId: seeker.id }),
    firmClerks: [await createAccount(t, { role: 'firm', firmId: firm.id }), await createAccount(t, { role: 'firm', firmId: firm.id })],
    coordinator: await createAccount(t, { role: 'coordinator' }),
    disabledCoordinator,
    otherFirmClerk: await createAccount(t, { role: 'firm', firmId: other.id }),
  };
}

/** A referral event as the referrals owner writes it (contracts.md), straight into the outbox; answers its id. */
export async function recordReferralEvent(
  t: TestApp,
  world: NotificationWorld,
  status: string,
  extra: { referralId?: string; reasonCode?: string | null; startDate?: string | null } = {},
): Promise<string> {
  const referralId = extra.referralId ?? randomUUID();
  await recordEvent(t.dataSource.manager, {
    type: `referral.${status}` as OutboxEventType,
    aggregateType: 'referral',
    aggregateId: referralId,
    payload: {
      referralId,
      proposalId: randomUUID(),
      leaveGapId: world.leaveGapId,
      seekerId: world.seekerId,
      firmId: world.firmId,
      status,
      reasonCode: extra.reasonCode ?? null,
      startDate: extra.startDate ?? null,
    },
  });
  const [row]: { id: string }[] = await t.dataSource.query(`SELECT max(id)::text AS id FROM outbox_events WHERE aggregate_id = $1`, [referralId]);
  return row.id;
}

/**
 * A referral the seeker accepted (so the firm saw it) and the Talent Bank then withdrew: a
 * fixture for the recipients rule, written as the referrals owner's rows would be.
 */
export async function insertReferralSeenByFirm(t: TestApp, world: NotificationWorld): Promise<string> {
  const runId = await insertFinishedRun(t);
  const [proposalId] = await insertProposals(t, runId, [{ leaveGapId: world.leaveGapId, seekerId: world.seekerId }]);
  const [{ id }]: { id: string }[] = await t.dataSource.query(
    `INSERT INTO referrals (proposal_id, leave_gap_id, seeker_id, firm_id, status, reason_code, offered_at, status_changed_at)
     VALUES ($1, $2, $3, $4, 'withdrawn', 'coordinator', now(), now()) RETURNING id`,
    [proposalId, world.leaveGapId, world.seekerId, world.firmId],
  );
  await t.dataSource.query(
    `INSERT INTO referral_steps (referral_id, status, actor_role, occurred_at, reason_code, coordinator_note)
     VALUES ($1, 'offered', 'coordinator', now(), NULL, NULL), ($1, 'seeker_accepted', 'seeker', now(), NULL, NULL),
            ($1, 'withdrawn', 'coordinator', now(), 'coordinator', '내부 메모: 알리면 안 됨')`,
    [id],
  );
  return id;
}

export function accountToken(user: User): string {
  const principal = (
    user.role === 'seeker'
      ? { role: 'seeker', subject: user.id, userId: user.id, seekerId: user.seekerId }
      : user.role === 'firm'
        ? { role: 'firm', subject: user.id, userId: user.id, firmId: user.firmId }
        : { role: 'coordinator', subject: user.id, userId: user.id }
  ) as Principal;
  return bearer(principal);
}

/** A test app that mails through a local SMTP test server, its publisher driven by the spec (drain), not by a worker loop. */
export interface NotifyingApp {
  readonly t: TestApp;
  readonly smtp: SmtpTestServer;
  readonly publisher: OutboxPublisher;
  close(): Promise<void>;
}

export async function startNotifyingApp(): Promise<NotifyingApp> {
  const smtp = await startSmtpTestServer();
  process.env.SMTP_URL = smtp.url;
  // The spec drives the publisher itself (drain), so that nothing runs between its steps.
  process.env.NOTIFICATION_WORKER = 'false';
  // Imported after the environment is set: the app reads its configuration when it is built.
  const { createTestApp } = await import('./test-app');
  const t = await createTestApp();
  return {
    t,
    smtp,
    publisher: t.app.get(OutboxPublisher),
    close: async () => {
      await t.close();
      await smtp.close();
      delete process.env.SMTP_URL;
      delete process.env.NOTIFICATION_WORKER;
    },
  };
}
