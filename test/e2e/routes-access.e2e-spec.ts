import { METHODS } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/auth/principal';
import { API, complexBody, firmBody, leaveGapBody, seekerBody } from './factories';
import {
  Side,
  TwoPartyWorld,
  bearer,
  buildTwoPartyWorld,
  futureLeave,
  pastLeave,
  coordinator,
  expiredToken,
  firmUser,
  otherSide,
  seekerUser,
  wrongKeyToken,
} from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

/**
 * Every registered route × every kind of caller × {own object, foreign object}: the expected
 * status. A route that is registered but missing here (or listed here but gone) fails the
 * first test, so a new endpoint cannot ship without deciding who may call it.
 */
type Actor = 'coordinator' | 'firmA' | 'firmB' | 'seeker1' | 'seeker2' | 'anonymous' | 'expired' | 'wrongKey';
type Relation = 'own' | 'foreign';
const ACTORS: Actor[] = ['coordinator', 'firmA', 'firmB', 'seeker1', 'seeker2', 'anonymous', 'expired', 'wrongKey'];

/** The side whose objects an actor owns; a coordinator "owns" side A (and may touch both). */
const OWN_SIDE: Record<Actor, Side> = {
  coordinator: 'A',
  firmA: 'A',
  firmB: 'B',
  seeker1: 'A',
  seeker2: 'B',
  anonymous: 'A',
  expired: 'A',
  wrongKey: 'A',
};

type Role = 'coordinator' | 'firm' | 'seeker';
/** Status for one role: the same for both objects, or different for own and foreign ones. */
type Expectation = number | { own: number; foreign: number };

interface RouteCase {
  path: (world: TwoPartyWorld, side: Side) => string;
  body?: (world: TwoPartyWorld, side: Side) => object;
  /** Absent role: 403 auth.role_not_allowed. */
  expect: Partial<Record<Role, Expectation>>;
  public?: true;
  /** Needs a signed-in account: tokens of API clients (as here) get 401 auth.no_account. */
  accountOnly?: true;
}

const OWN_ONLY = (ok: number) => ({ own: ok, foreign: 404 });
const noObject = () => randomUUID();

const ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/health': { path: () => `${API}/health`, expect: { coordinator: 200, firm: 200, seeker: 200 }, public: true },
  // Empty bodies: 400 shows the route is public (past the guard) without signing anyone in.
  'POST /api/v1/auth/login': { path: () => `${API}/auth/login`, body: () => ({}), expect: { coordinator: 400 }, public: true },
  'POST /api/v1/auth/logout': { path: () => `${API}/auth/logout`, expect: { coordinator: 204 }, public: true },
  'GET /api/v1/auth/setup': { path: () => `${API}/auth/setup`, expect: { coordinator: 200 }, public: true },
  'POST /api/v1/auth/setup': { path: () => `${API}/auth/setup`, body: () => ({}), expect: { coordinator: 400 }, public: true },
  'GET /api/v1/auth/me': { path: () => `${API}/auth/me`, expect: { coordinator: 401, firm: 401, seeker: 401 }, accountOnly: true },
  // The inbox is an account's: tokens of API clients have none (401 auth.no_account).
  'GET /api/v1/me/notifications': { path: () => `${API}/me/notifications`, expect: { coordinator: 401, firm: 401, seeker: 401 }, accountOnly: true },
  'GET /api/v1/me/notifications/unread-count': { path: () => `${API}/me/notifications/unread-count`, expect: { coordinator: 401, firm: 401, seeker: 401 }, accountOnly: true },
  'POST /api/v1/me/notifications/read-all': { path: () => `${API}/me/notifications/read-all`, expect: { coordinator: 401, firm: 401, seeker: 401 }, accountOnly: true },
  'POST /api/v1/me/notifications/:id/read': { path: () => `${API}/me/notifications/${noObject()}/read`, expect: { coordinator: 401, firm: 401, seeker: 401 }, accountOnly: true },
  'POST /api/v1/auth/signup': { path: () => `${API}/auth/signup`, body: () => ({}), expect: { coordinator: 400 }, public: true },
  // An unknown token: 404 from the service shows the route is public.
  'GET /api/v1/invitations/:token': { path: () => `${API}/invitations/${'t'.repeat(43)}`, expect: { coordinator: 404 }, public: true },
  'POST /api/v1/invitations/:token/accept': {
    path: () => `${API}/invitations/${'t'.repeat(43)}/accept`,
    body: () => ({ password: 'long enough password' }),
    expect: { coordinator: 404 },
    public: true,
  },
  'POST /api/v1/invitations': {
    path: () => `${API}/invitations`,
    body: (w, s) => ({ email: `invite-${randomUUID()}@example.kr`, role: 'firm', firmId: w.firm[s] }),
    expect: { coordinator: 201 },
  },
  'GET /api/v1/access-log': { path: (w, s) => `${API}/access-log?seekerId=${w.seeker[s]}`, expect: { coordinator: 200 } },

  'GET /api/v1/catalog': { path: () => `${API}/catalog?kind=skill&q=cnc`, expect: { coordinator: 200, firm: 200, seeker: 200 } },
  'POST /api/v1/catalog': {
    path: () => `${API}/catalog`,
    body: () => ({ code: `route-${randomUUID().slice(0, 8)}`, kind: 'skill', labelKo: '경로 시험', labelEn: 'route test' }),
    expect: { coordinator: 201 },
  },
  'GET /api/v1/geocode': { path: () => `${API}/geocode?q=${encodeURIComponent('금천구 가산동')}`, expect: { coordinator: 200, firm: 200, seeker: 200 } },

  'POST /api/v1/complexes': { path: () => `${API}/complexes`, body: () => complexBody(), expect: { coordinator: 201 } },
  // The test database is never empty, so the console's demo button is refused (nothing is generated).
  'POST /api/v1/demo-data': { path: () => `${API}/demo-data`, expect: { coordinator: 409 } },
  'GET /api/v1/demo-data': { path: () => `${API}/demo-data`, expect: { coordinator: 200 } },
  'GET /api/v1/complexes': { path: () => `${API}/complexes`, expect: { coordinator: 200, firm: 200, seeker: 200 } },
  'GET /api/v1/complexes/:id': { path: (w) => `${API}/complexes/${w.complexId}`, expect: { coordinator: 200, firm: 200, seeker: 200 } },
  'PATCH /api/v1/complexes/:id': { path: (w, s) => `${API}/complexes/${w.emptyComplex[s]}`, body: () => ({ region: '경기 안산시' }), expect: { coordinator: 200 } },
  'DELETE /api/v1/complexes/:id': { path: (w, s) => `${API}/complexes/${w.emptyComplex[s]}`, expect: { coordinator: 204 } },

  'POST /api/v1/firms': { path: () => `${API}/firms`, body: (w) => firmBody(w.complexId), expect: { coordinator: 201 } },
  'GET /api/v1/firms': { path: () => `${API}/firms`, expect: { coordinator: 200, firm: 200 } },
  'GET /api/v1/firms/:id': { path: (w, s) => `${API}/firms/${w.firm[s]}`, expect: { coordinator: 200, firm: OWN_ONLY(200) } },
  'PATCH /api/v1/firms/:id': { path: (w, s) => `${API}/firms/${w.firm[s]}`, body: () => ({ employeeCount: 51 }), expect: { coordinator: 200 } },
  'POST /api/v1/firms/:id/cancel': { path: (w, s) => `${API}/firms/${w.firm[s]}/cancel`, expect: { coordinator: 200 } },

  'POST /api/v1/firms/:firmId/leave-gaps': {
    path: (w, s) => `${API}/firms/${w.firm[s]}/leave-gaps`,
    body: () => leaveGapBody(),
    expect: { coordinator: 201, firm: OWN_ONLY(201) },
  },
  'GET /api/v1/firms/:firmId/leave-gaps': { path: (w, s) => `${API}/firms/${w.firm[s]}/leave-gaps`, expect: { coordinator: 200, firm: OWN_ONLY(200) } },
  'GET /api/v1/leave-gaps': { path: (w, s) => `${API}/leave-gaps?firmId=${w.firm[s]}`, expect: { coordinator: 200, firm: 200 } },
  'GET /api/v1/leave-gaps/export': { path: () => `${API}/leave-gaps/export?format=csv`, expect: { coordinator: 200, firm: 200 } },
  'GET /api/v1/leave-gaps/:id': { path: (w, s) => `${API}/leave-gaps/${w.openGap[s]}`, expect: { coordinator: 200, firm: OWN_ONLY(200) } },
  'PATCH /api/v1/leave-gaps/:id': {
    path: (w, s) => `${API}/leave-gaps/${w.openGap[s]}`,
    body: () => ({ roleTitle: '품질관리원' }),
    expect: { coordinator: 200, firm: OWN_ONLY(200) },
  },
  'POST /api/v1/leave-gaps/:id/cancel': { path: (w, s) => `${API}/leave-gaps/${w.openGap[s]}/cancel`, expect: { coordinator: 200, firm: OWN_ONLY(200) } },

  'POST /api/v1/seekers': { path: () => `${API}/seekers`, body: () => seekerBody(), expect: { coordinator: 201 } },
  'GET /api/v1/seekers': { path: () => `${API}/seekers`, expect: { coordinator: 200 } },
  'GET /api/v1/seekers/export': { path: () => `${API}/seekers/export?format=csv`, expect: { coordinator: 200 } },
  'GET /api/v1/seekers/:id': { path: (w, s) => `${API}/seekers/${w.seeker[s]}`, expect: { coordinator: 200, seeker: OWN_ONLY(200) } },
  'PATCH /api/v1/seekers/:id': {
    path: (w, s) => `${API}/seekers/${w.seeker[s]}`,
    body: () => ({ maxCommuteMinutes: 45 }),
    expect: { coordinator: 200, seeker: OWN_ONLY(200) },
  },
  'DELETE /api/v1/seekers/:id': { path: (w, s) => `${API}/seekers/${w.seeker[s]}`, expect: { coordinator: 204, seeker: OWN_ONLY(204) } },
  'GET /api/v1/seekers/:id/availability': {
    path: (w, s) => `${API}/seekers/${w.seeker[s]}/availability`,
    expect: { coordinator: 200, seeker: OWN_ONLY(200) },
  },
  'POST /api/v1/seekers/:id/availability': {
    path: (w, s) => `${API}/seekers/${w.seeker[s]}/availability`,
    body: () => ({ start: '2027-01-01', end: '2027-03-31' }),
    expect: { coordinator: 201, seeker: OWN_ONLY(201) },
  },
  'DELETE /api/v1/seekers/:id/availability/:windowId': {
    path: (w, s) => `${API}/seekers/${w.seeker[s]}/availability/${w.window[s]}`,
    expect: { coordinator: 204, seeker: OWN_ONLY(204) },
  },

  'GET /api/v1/placements': { path: () => `${API}/placements`, expect: { coordinator: 200, firm: 200, seeker: 200 } },
  'GET /api/v1/placements/export': { path: () => `${API}/placements/export?format=csv`, expect: { coordinator: 200, firm: 200, seeker: 200 } },
  'GET /api/v1/placements/:id': {
    path: (w, s) => `${API}/placements/${w.placement[s]}`,
    expect: { coordinator: 200, firm: OWN_ONLY(200), seeker: OWN_ONLY(200) },
  },
  'POST /api/v1/placements/:id/cancel': {
    path: (w, s) => `${API}/placements/${w.placement[s]}/cancel`,
    body: () => ({ reason: '회사 사정' }),
    expect: { coordinator: 200 },
  },
  'GET /api/v1/leave-gaps/:id/candidates': { path: (w, s) => `${API}/leave-gaps/${w.openGap[s]}/candidates`, expect: { coordinator: 200 } },
  'POST /api/v1/match-runs': { path: () => `${API}/match-runs`, body: (w, s) => ({ leaveGapIds: [w.openGap[s]] }), expect: { coordinator: 202 } },
  'GET /api/v1/match-runs': { path: () => `${API}/match-runs`, expect: { coordinator: 200 } },
  // Runs take a worker to finish: an unknown id (404) shows the call got past the guard to the service.
  'GET /api/v1/match-runs/:id': { path: () => `${API}/match-runs/${noObject()}`, expect: { coordinator: 404 } },
  'GET /api/v1/match-runs/:id/proposals': { path: () => `${API}/match-runs/${noObject()}/proposals`, expect: { coordinator: 404 } },
  'GET /api/v1/match-runs/:id/instance': { path: () => `${API}/match-runs/${noObject()}/instance`, expect: { coordinator: 404 } },
  'POST /api/v1/match-runs/:id/retry': { path: () => `${API}/match-runs/${noObject()}/retry`, expect: { coordinator: 404 } },
  'POST /api/v1/proposals/:id/confirm': { path: () => `${API}/proposals/${noObject()}/confirm`, expect: { coordinator: 404 } },
  'GET /api/v1/runtime-metrics': { path: () => `${API}/runtime-metrics`, expect: { coordinator: 200 } },
  'GET /api/v1/reports/outcomes': { path: () => `${API}/reports/outcomes`, expect: { coordinator: 200 } },
  'GET /api/v1/reports/outcomes/export': { path: () => `${API}/reports/outcomes/export?format=csv`, expect: { coordinator: 200 } },
  'POST /api/v1/runtime-metrics/reset': { path: () => `${API}/runtime-metrics/reset`, expect: { coordinator: 200 } },
  'POST /api/v1/proposals/:id/reject': { path: () => `${API}/proposals/${noObject()}/reject`, body: () => ({ reason: '거리' }), expect: { coordinator: 404 } },

  // Sheet imports (spreadsheets): coordinators only. Without a file the upload gets past the guard to a 400.
  'GET /api/v1/imports/:kind/template': { path: () => `${API}/imports/seekers/template?format=csv`, expect: { coordinator: 200 } },
  'POST /api/v1/imports/:kind': { path: () => `${API}/imports/seekers?dryRun=true`, expect: { coordinator: 400 } },

  // Outreach (선제 발굴): coordinators only. Without a file the upload gets past the guard to a 400.
  'POST /api/v1/outreach/expected-leaves/dry-run': { path: () => `${API}/outreach/expected-leaves/dry-run`, expect: { coordinator: 400 } },
  'POST /api/v1/outreach/expected-leaves/import': { path: () => `${API}/outreach/expected-leaves/import`, expect: { coordinator: 400 } },
  'GET /api/v1/outreach/call-list': { path: () => `${API}/outreach/call-list`, expect: { coordinator: 200 } },
  'GET /api/v1/outreach/call-list/export': { path: () => `${API}/outreach/call-list/export?format=csv&businessNumber=1248100998`, expect: { coordinator: 200 } },
  'POST /api/v1/outreach/expected-leaves/:id/contacts': {
    path: () => `${API}/outreach/expected-leaves/${noObject()}/contacts`,
    body: () => ({ channel: 'phone', outcome: 'no_answer' }),
    expect: { coordinator: 404 },
  },
  'GET /api/v1/outreach/expected-leaves/:id/contacts': { path: () => `${API}/outreach/expected-leaves/${noObject()}/contacts`, expect: { coordinator: 404 } },
  // Referrals: an unknown id (404) shows the call got past the guard; visibility is in referrals.e2e-spec.ts.
  'POST /api/v1/proposals/:id/referral': { path: () => `${API}/proposals/${noObject()}/referral`, body: () => ({}), expect: { coordinator: 404 } },
  'GET /api/v1/referrals': { path: () => `${API}/referrals`, expect: { coordinator: 200, firm: 200, seeker: 200 } },
  'GET /api/v1/referrals/export': { path: () => `${API}/referrals/export?format=csv`, expect: { coordinator: 200, firm: 200, seeker: 200 } },
  'GET /api/v1/referrals/:id': { path: () => `${API}/referrals/${noObject()}`, expect: { coordinator: 404, firm: 404, seeker: 404 } },
  'POST /api/v1/referrals/:id/seeker-answer': {
    path: () => `${API}/referrals/${noObject()}/seeker-answer`,
    body: () => ({ answer: 'accept' }),
    expect: { coordinator: 404, seeker: 404 },
  },
  'POST /api/v1/referrals/:id/firm-answer': {
    path: () => `${API}/referrals/${noObject()}/firm-answer`,
    body: () => ({ answer: 'interview' }),
    expect: { coordinator: 404, firm: 404 },
  },
  'POST /api/v1/referrals/:id/outcome': {
    path: () => `${API}/referrals/${noObject()}/outcome`,
    body: () => ({ outcome: 'retained_30_days' }),
    expect: { coordinator: 404 },
  },
  'POST /api/v1/referrals/:id/withdraw': {
    path: () => `${API}/referrals/${noObject()}/withdraw`,
    body: () => ({ reasonCode: 'coordinator' }),
    expect: { coordinator: 404 },
  },
};

/** Swagger UI and the OpenAPI document: public by design, outside the API prefix. */
const DOCUMENTATION_ROUTES = [
  'GET /api/docs',
  'GET /api/docs/',
  'GET /api/docs/index.html',
  'GET /api/docs/LICENSE',
  'GET /api/docs/swagger-ui-init.js',
  'GET /api/docs/docs/swagger-ui-init.js',
  'GET /api/docs-json',
  'GET /api/docs-yaml',
];

function principalOf(actor: Actor, world: TwoPartyWorld): Principal | undefined {
  switch (actor) {
    case 'coordinator':
      return coordinator();
    case 'firmA':
      return firmUser(world.firm.A);
    case 'firmB':
      return firmUser(world.firm.B);
    case 'seeker1':
      return seekerUser(world.seeker.A);
    case 'seeker2':
      return seekerUser(world.seeker.B);
    default:
      return undefined;
  }
}

function authorizationOf(actor: Actor, world: TwoPartyWorld): string | undefined {
  if (actor === 'expired') return expiredToken(coordinator());
  if (actor === 'wrongKey') return wrongKeyToken(coordinator());
  const principal = principalOf(actor, world);
  return principal && bearer(principal);
}

function expectedStatus(route: RouteCase, actor: Actor, relation: Relation): number {
  const principal = principalOf(actor, { firm: { A: randomUUID(), B: randomUUID() }, seeker: { A: randomUUID(), B: randomUUID() } } as TwoPartyWorld);
  if (route.public) return route.expect.coordinator as number;
  if (!principal) return 401;
  const expectation = route.expect[principal.role];
  if (expectation === undefined) return 403;
  return typeof expectation === 'number' ? expectation : expectation[relation];
}

function registeredRoutes(t: TestApp): string[] {
  const stack = t.app.getHttpAdapter().getInstance().router.stack as { route?: { path: string; methods: Record<string, boolean> } }[];
  return stack.flatMap(({ route }) => {
    if (!route) return [];
    const methods = Object.keys(route.methods);
    // Registered for every method: nestjs-pino's request-logging middleware, not an endpoint.
    if (methods.length >= METHODS.length - 1) return [];
    return methods.map((method) => `${method.toUpperCase()} ${route.path}`);
  });
}

describe('who may call which route', () => {
  let t: TestApp;
  let shared: TwoPartyWorld;
  const world = () =>
    buildTwoPartyWorld(t.api, t.dataSource, {
      complex: () => complexBody(),
      firm: (complexId) => firmBody(complexId),
      gap: (kind) => leaveGapBody(kind === 'open' ? futureLeave() : pastLeave()),
      seeker: () => seekerBody(),
    });

  beforeAll(async () => {
    t = await createTestApp();
    shared = await world();
  });
  afterAll(() => t.close());

  it('has an entry for every registered route and no entry for a route that is gone', () => {
    const registered = registeredRoutes(t);
    const api = registered.filter((route) => route.split(' ')[1].startsWith(`${API}`)).sort();
    expect(api).toEqual(Object.keys(ROUTES).sort());
    expect(registered.filter((route) => !route.split(' ')[1].startsWith(`${API}`)).sort()).toEqual([...DOCUMENTATION_ROUTES].sort());
  });

  const cells = Object.entries(ROUTES).flatMap(([key, route]) =>
    ACTORS.flatMap((actor) => (['own', 'foreign'] as Relation[]).map((relation) => ({ key, route, actor, relation }))),
  );

  it.each(cells.map((cell) => [`${cell.key} as ${cell.actor} on a ${cell.relation} object`, cell] as const))('%s', async (_name, cell) => {
    const { key, route, actor, relation } = cell;
    const expected = expectedStatus(route, actor, relation);
    const method = key.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    // A write that is expected to succeed gets a world of its own, so it changes nothing another cell reads.
    const w = method !== 'get' && expected < 300 ? await world() : shared;
    const side = relation === 'own' ? OWN_SIDE[actor] : otherSide(OWN_SIDE[actor]);
    let request = t.anonymous[method](route.path(w, side));
    const authorization = authorizationOf(actor, w);
    if (authorization) request = request.set('Authorization', authorization);
    const response = await (route.body ? request.send(route.body(w, side)) : request);
    if (response.status !== expected) {
      throw new Error(`${key} as ${actor} (${relation}): expected ${expected}, got ${response.status}: ${response.text.slice(0, 300)}`);
    }
    const hasToken = principalOf(actor, w) !== undefined;
    const unauthorized = route.accountOnly && hasToken ? /^auth\.no_account$/ : /^auth\.(missing|invalid)_token$/;
    if (expected === 401) expect(JSON.parse(response.text).code).toMatch(unauthorized);
    if (expected === 403) expect(JSON.parse(response.text).code).toBe('auth.role_not_allowed');
  });
});
