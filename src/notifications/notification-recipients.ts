import type { Db, Recipient } from './channels/notification-channel';
import type { AudienceRule } from './notification-audiences';
import type { NotificationFacts } from './notification-templates';

/** The payload fields an event may carry (contracts.md; grep recordEvent): ids, codes, dates, counts. */
interface EventPayload {
  readonly referralId?: unknown;
  readonly leaveGapId?: unknown;
  readonly seekerId?: unknown;
  readonly firmId?: unknown;
  readonly reasonCode?: unknown;
  readonly code?: unknown;
  readonly startDate?: unknown;
  readonly period?: unknown;
  readonly vacancies?: unknown;
  readonly filled?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function uuidOf(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value : null;
}

function dayOf(value: unknown): string | null {
  return typeof value === 'string' && DAY.test(value) ? value : null;
}

function codeOf(value: unknown): string | null {
  return typeof value === 'string' && /^[a-z_0-9]{1,50}$/.test(value) ? value : null;
}

function countOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

interface GapFacts {
  firm_id: string;
  firm_name: string;
  role_title: string;
  placement_start: string;
  placement_end: string;
}

/**
 * The accounts an event concerns (contracts.md "Recipients"): a seeker's account by
 * `users.seeker_id`, a firm's by `users.firm_id` (the payload's firm or the gap's), every active
 * coordinator. Only active accounts; one account is told once even when two rules name it.
 */
export async function recipientsOf(db: Db, rules: readonly AudienceRule[], payload: EventPayload): Promise<Recipient[]> {
  const gap = await gapFactsOf(db, payload);
  const firmId = uuidOf(payload.firmId) ?? gap?.firm_id ?? null;
  const seekerId = uuidOf(payload.seekerId);
  const found: Recipient[] = [];
  for (const rule of rules) {
    if (rule === 'seeker' && seekerId) found.push(...(await accounts(db, `seeker_id = $1 AND role = 'seeker'`, [seekerId], 'seeker')));
    if (rule === 'firm' && firmId) found.push(...(await accounts(db, `firm_id = $1 AND role = 'firm'`, [firmId], 'firm')));
    if (rule === 'firm_if_seen' && firmId && (await referralReachedFirm(db, uuidOf(payload.referralId)))) {
      found.push(...(await accounts(db, `firm_id = $1 AND role = 'firm'`, [firmId], 'firm')));
    }
    if (rule === 'coordinators') found.push(...(await accounts(db, `role = 'coordinator'`, [], 'coordinator')));
  }
  const seen = new Set<string>();
  return found.filter((recipient) => !seen.has(recipient.userId) && seen.add(recipient.userId));
}

/** What the texts may mention, from the ids in the payload. */
export async function factsOf(db: Db, payload: EventPayload): Promise<NotificationFacts> {
  const gap = await gapFactsOf(db, payload);
  const period = (payload.period ?? {}) as { start?: unknown; end?: unknown };
  const amended = dayOf(period.start) && dayOf(period.end) ? { start: dayOf(period.start), end: dayOf(period.end) } : null;
  return {
    firmName: gap?.firm_name ?? null,
    roleTitle: gap?.role_title ?? null,
    periodStart: amended?.start ?? gap?.placement_start ?? null,
    periodEnd: amended?.end ?? gap?.placement_end ?? null,
    startDate: dayOf(payload.startDate),
    reasonCode: codeOf(payload.reasonCode) ?? codeOf(payload.code),
    vacancies: countOf(payload.vacancies),
    filled: countOf(payload.filled),
  };
}

async function gapFactsOf(db: Db, payload: EventPayload): Promise<GapFacts | null> {
  const leaveGapId = uuidOf(payload.leaveGapId);
  if (!leaveGapId) return null;
  const [row]: GapFacts[] = await db.query(
    `SELECT g.firm_id, f.name AS firm_name, g.role_title, g.placement_start::text AS placement_start, g.placement_end::text AS placement_end
     FROM leave_gaps g JOIN firms f ON f.id = g.firm_id WHERE g.id = $1`,
    [leaveGapId],
  );
  return row ?? null;
}

async function accounts(db: Db, condition: string, params: unknown[], audience: Recipient['audience']): Promise<Recipient[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM users WHERE status = 'active' AND ${condition} ORDER BY id`, params);
  return rows.map((row) => ({ userId: row.id, audience }));
}

/** The firm sees a referral once the seeker has accepted it (docs/referrals.md). */
async function referralReachedFirm(db: Db, referralId: string | null): Promise<boolean> {
  if (!referralId) return false;
  const [row]: { reached: boolean }[] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM referral_steps WHERE referral_id = $1 AND status IN ('seeker_accepted', 'firm_interview')) AS reached`,
    [referralId],
  );
  return row.reached;
}
