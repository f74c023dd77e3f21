import { METHODS } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { API, complexBody, firmBody, leaveGapBody, seekerBody } from './factories';
import { TwoPartyWorld, buildTwoPartyWorld, coordinatorToken, futureLeave, pastLeave } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

/**
 * Malformed bodies for every write endpoint, found from the running app (a new endpoint is
 * fuzzed without anyone adding it here), as a coordinator so that the request gets past the
 * guard into validation, services and PostgreSQL. Zero 5xx allowed.
 */
// `npm test` sends a short fixed-seed sample; `npm run test:fuzz` the full run (FUZZ_RUNS_PER_ENDPOINT=2000).
const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS_PER_ENDPOINT ?? 100);
const SEED = 20_261_124;
/** Requests in flight at once: the pool has 10 connections. */
const CONCURRENCY = 6;
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** A valid body to start mutating from, where one is known. */
function validBodyFor(path: string, world: TwoPartyWorld): Record<string, unknown> {
  if (path === `${API}/complexes` || path === `${API}/complexes/:id`) return complexBody();
  if (path === `${API}/firms` || path === `${API}/firms/:id`) return firmBody(world.complexId);
  if (path.includes('leave-gaps')) return leaveGapBody();
  if (path === `${API}/seekers` || path === `${API}/seekers/:id`) return seekerBody();
  if (path.endsWith('/availability')) return { start: '2026-03-01', end: '2026-04-30' };
  if (path.endsWith('/reject') || path.endsWith('/cancel')) return { reason: '사유' };
  return {};
}

/** Route parameters filled with real objects, so bodies reach the services; unknown ones get a fresh uuid. */
function concretePath(path: string, world: TwoPartyWorld): string {
  const resource = path.split('/')[3];
  const idOf: Record<string, string> = {
    complexes: world.emptyComplex.A,
    firms: world.firm.A,
    'leave-gaps': world.openGap.A,
    seekers: world.seeker.A,
    placements: world.placement.A,
  };
  return path
    .replace(':windowId', world.window.A)
    .replace(/:(id|firmId)\b/, idOf[resource] ?? randomUUID())
    .replace(/:[A-Za-z]+/g, () => randomUUID());
}

const awkwardScalar = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, '', ' ', '\u0000', 'a\u0000b', 'null', '[]', '{}', '2026-02-30', '9999-99-99', 'x'.repeat(5_000)),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);
const awkwardValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: awkwardScalar },
  { weight: 1, arbitrary: fc.array(awkwardScalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), awkwardScalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

type Malformed = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };

function malformedBodies(valid: Record<string, unknown>): fc.Arbitrary<Malformed> {
  const keys = Object.keys(valid);
  const mutated = fc
    .array(
      fc.oneof(
        fc.record({ op: fc.constant('set' as const), key: keys.length > 0 ? fc.constantFrom(...keys) : fc.string(), value: awkwardValue }),
        fc.record({ op: fc.constant('drop' as const), key: keys.length > 0 ? fc.constantFrom(...keys) : fc.string(), value: fc.constant(null) }),
        fc.record({ op: fc.constant('add' as const), key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', 'status', 'firmId', 'seekerId')), value: awkwardValue }),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((operations) => {
      const body: Record<string, unknown> = structuredClone(valid);
      for (const { op, key, value } of operations) {
        if (op === 'drop') delete body[key];
        else Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true });
      }
      return { kind: 'json' as const, value: body };
    });
  return fc.oneof(
    { weight: 5, arbitrary: mutated },
    { weight: 2, arbitrary: awkwardValue.map((value) => ({ kind: 'json' as const, value })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.string({ maxLength: 60 }),
          fc.constantFrom('{', '{"a":', '[1,2', '{"a":1}}', 'nul', '\u0000', '{"__proto__":{"x":1}}', '"just a string"', `{"a":${'['.repeat(3_000)}${']'.repeat(3_000)}}`),
          fc.integer({ min: 1, max: 3_000 }).map((length) => JSON.stringify({ availability: Array.from({ length }, () => ({})) })),
        )
        .map((text) => ({ kind: 'raw' as const, text })),
    },
  );
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

describe('malformed bodies never cause a 5xx', () => {
  let t: TestApp;
  let api: ReturnType<typeof request>;
  const token = coordinatorToken();

  beforeAll(async () => {
    t = await createTestApp();
    // One listening server for all requests, instead of one ephemeral listener per request.
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = request(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(() => t.close());

  const freshWorld = () =>
    buildTwoPartyWorld(t.api, t.dataSource, {
      complex: () => complexBody(),
      firm: (complexId) => firmBody(complexId),
      gap: (kind) => leaveGapBody(kind === 'open' ? futureLeave() : pastLeave()),
      seeker: () => seekerBody(),
    });

  function writeEndpoints(): string[] {
    const stack = t.app.getHttpAdapter().getInstance().router.stack as { route?: { path: string; methods: Record<string, boolean> } }[];
    return stack.flatMap(({ route }) => {
      if (!route || !route.path.startsWith(API)) return [];
      const methods = Object.keys(route.methods).map((method) => method.toUpperCase());
      if (methods.length >= METHODS.length - 1) return [];
      return methods.filter((method) => WRITE_METHODS.has(method)).map((method) => `${method} ${route.path}`);
    });
  }

  it('finds the write endpoints', () => {
    expect(writeEndpoints()).toEqual(
      expect.arrayContaining(['POST /api/v1/complexes', 'POST /api/v1/firms/:firmId/leave-gaps', 'PATCH /api/v1/seekers/:id', 'DELETE /api/v1/complexes/:id']),
    );
  });



  it(`answers ${RUNS_PER_ENDPOINT} malformed bodies per write endpoint without a 5xx`, async () => {
    const serverErrors: string[] = [];
    let sent = 0;
    for (const endpoint of writeEndpoints()) {
      const [method, path] = endpoint.split(' ');
      // Each endpoint starts from intact objects: an earlier one may have cancelled or withdrawn them.
      const world = await freshWorld();
      const valid = validBodyFor(path, world);
      const bodies = fc.sample(malformedBodies(valid), { seed: SEED, numRuns: RUNS_PER_ENDPOINT });
      await inParallel(bodies, CONCURRENCY, async (malformed) => {
        const url = concretePath(path, world);
        const call = api[method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete'](url)
          .set('Authorization', token)
          .set('Content-Type', 'application/json');
        const response = await call.send(malformed.kind === 'raw' ? malformed.text : JSON.stringify(malformed.value));
        sent += 1;
        if (response.status >= 500) {
          serverErrors.push(`${endpoint} ${response.status} for ${JSON.stringify(malformed).slice(0, 300)}: ${response.text.slice(0, 200)}`);
        }
      });
    }
    expect(serverErrors).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(RUNS_PER_ENDPOINT * writeEndpoints().length);
  }, 600_000);
});
