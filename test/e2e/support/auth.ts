import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Principal } from '../../../src/auth/principal';
import { addDays } from '../../../src/common/calendar-date';
import { TOKEN_ISSUER, TokenService, claimsOf } from '../../../src/auth/token.service';
import { jwtSecretOf, loadEnvironment } from '../../../src/config/environment';
import { TEST_TODAY } from './test-today';

/**
 * Tokens for the e2e tests, signed with the key the app under test reads from the same
 * validated configuration.
 */
const environment = loadEnvironment();
const tokens = new TokenService({ secret: jwtSecretOf(environment), ttlSeconds: environment.JWT_TTL_SECONDS });

export function tokenFor(principal: Principal): string {
  return tokens.sign(principal);
}

/** `Authorization` header value: `.set('Authorization', bearer(principal))`. */
export function bearer(principal: Principal): string {
  return `Bearer ${tokenFor(principal)}`;
}

export const coordinator = (subject = 'test-coordinator'): Principal => ({ role: 'coordinator', subject });
export const firmUser = (firmId: string, subject = `firm-user-${firmId}`): Principal => ({ role: 'firm', subject, firmId });
export const seekerUser = (seekerId: string, subject = `seeker-${seekerId}`): Principal => ({ role: 'seeker', subject, seekerId });

export const coordinatorToken = () => bearer(coordinator());
export const firmToken = (firmId: string) => bearer(firmUser(firmId));
export const seekerToken = (seekerId: string) => bearer(seekerUser(seekerId));

/** A token that expired a minute ago (correct key and claims). */
export function expiredToken(principal: Principal = coordinator()): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { ...claimsOf(principal), iss: TOKEN_ISSUER, iat: now - 3600, exp: now - 60 };
  return `Bearer ${new JwtService({ secret: jwtSecretOf(environment) }).sign(claims)}`;
}

/** Correct claims, signed with a key the app does not know. */
export function wrongKeyToken(principal: Principal = coordinator()): string {
  return `Bearer ${new TokenService({ secret: `wrong-${randomUUID()}-${randomUUID()}`, ttlSeconds: 600 }).sign(principal)}`;
}

/** A maternity leave starting about four months after TEST_TODAY (the test app's today): its gap can still be matched. */
export function futureLeave(): { leaveStart: string; leaveEnd: string } {
  const leaveStart = addDays(TEST_TODAY, 120);
  return { leaveStart, leaveEnd: addDays(leaveStart, 89) };
}

/** A maternity leave that ended about three months before TEST_TODAY: its placement is history. */
export function pastLeave(): { leaveStart: string; leaveEnd: string } {
  const leaveStart = addDays(TEST_TODAY, -200);
  return { leaveStart, leaveEnd: addDays(leaveStart, 89) };
}

/** Side A and side B of a two-party world: firm A's and seeker 1's objects, firm B's and seeker 2's. */
export type Side = 'A' | 'B';
export const otherSide = (side: Side): Side => (side === 'A' ? 'B' : 'A');

/**
 * Two firms with an open and a filled gap each, two seekers with an availability window each,
 * seeker 1 placed (confirmed) in firm A's filled gap and seeker 2 in firm B's; plus an empty
 * complex per side (deletable). Built through the API as a coordinator, placements inserted
 * directly (confirming belongs to the matching workflow).
 */
export interface TwoPartyWorld {
  complexId: string;
  emptyComplex: Record<Side, string>;
  firm: Record<Side, string>;
  openGap: Record<Side, string>;
  filledGap: Record<Side, string>;
  seeker: Record<Side, string>;
  window: Record<Side, string>;
  placement: Record<Side, string>;
}

type Api = { post(url: string): { send(body: object): PromiseLike<{ status: number; body: { id: string }; text: string }> } };

export async function buildTwoPartyWorld(
  api: Api,
  dataSource: { query(sql: string, parameters?: unknown[]): Promise<{ id: string }[]> },
  bodies: {
    complex: () => object;
    firm: (complexId: string) => object;
    /** An open gap should lie in the future (matchable); a filled one may be over. */
    gap: (kind: 'open' | 'filled') => object;
    seeker: () => object;
  },
): Promise<TwoPartyWorld> {
  const create = async (url: string, body: object): Promise<string> => {
    const response = await api.post(url).send(body);
    if (response.status !== 201) throw new Error(`POST ${url}: expected 201, got ${response.status}: ${response.text}`);
    return response.body.id;
  };
  const complexId = await create('/api/v1/complexes', bodies.complex());
  const sides = async <T>(make: (side: Side) => Promise<T>): Promise<Record<Side, T>> => ({ A: await make('A'), B: await make('B') });
  const emptyComplex = await sides(() => create('/api/v1/complexes', bodies.complex()));
  const firm = await sides(() => create('/api/v1/firms', bodies.firm(complexId)));
  const openGap = await sides((side) => create(`/api/v1/firms/${firm[side]}/leave-gaps`, bodies.gap('open')));
  const filledGap = await sides((side) => create(`/api/v1/firms/${firm[side]}/leave-gaps`, bodies.gap('filled')));
  const seeker = await sides(() => create('/api/v1/seekers', { ...bodies.seeker(), availability: [] }));
  const window = await sides((side) => create(`/api/v1/seekers/${seeker[side]}/availability`, { start: '2026-01-01', end: '2026-12-31' }));
  const placement = await sides(async (side) => {
    await dataSource.query(`UPDATE leave_gaps SET status = 'filled' WHERE id = $1`, [filledGap[side]]);
    const [row] = await dataSource.query(
      `INSERT INTO placements (seeker_id, leave_gap_id, period, status)
       SELECT $1, id, daterange(placement_start, placement_end, '[]'), 'confirmed' FROM leave_gaps WHERE id = $2 RETURNING id`,
      [seeker[side], filledGap[side]],
    );
    return row.id;
  });
  return { complexId, emptyComplex, firm, openGap, filledGap, seeker, window, placement };
}
