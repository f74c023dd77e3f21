import { Writable } from 'node:stream';
import { PARAMS_PROVIDER_TOKEN, Params } from 'nestjs-pino';
import { loggerParams } from '../../src/common/logging';
import { AppConfig } from '../../src/config/app-config';
import type { LogLevel } from '../../src/config/environment';
import { Seeker } from '../../src/seekers/seeker.entity';
import { API, createFirm, createLeaveGap, seekerBody } from './factories';
import { firmToken, pastLeave, seekerToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';
import { TEST_TODAY } from './support/test-today';

const CANARY_NAME = '홍길동CANARY';
const CANARY_PHONE = '010-0000-1234';
const CANARY_EMAIL = 'hong.canary@example.com';

/** The most talkative configuration: every request, every SQL text, every debug line. */
class TraceConfig extends AppConfig {
  override get logLevel(): LogLevel {
    return 'trace';
  }
}

/**
 * A seeker named 홍길동CANARY goes through the main flows, failing inserts included, with the
 * application log at its most verbose and captured; neither the name nor the phone number
 * (in any spelling) may appear in it.
 */
describe('personal data never reaches the application log', () => {
  let t: TestApp;
  const lines: string[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });

  beforeAll(async () => {
    t = await createTestApp((builder) =>
      builder
        .overrideProvider(AppConfig)
        .useClass(TraceConfig)
        .overrideProvider(PARAMS_PROVIDER_TOKEN)
        .useFactory({
          inject: [AppConfig],
          factory: (config: AppConfig): Params => {
            const params = loggerParams(config);
            // The service's own destination (stdout) would take precedence over the capture.
            const { stream: _stdout, ...options } = params.pinoHttp as { stream?: unknown };
            return { ...params, pinoHttp: [options, capture] };
          },
        }),
    );
  });
  afterAll(() => t.close());

  it('drives registration, reads, updates, placement contact, failures and withdrawal without logging them', async () => {
    const body = seekerBody({ displayName: CANARY_NAME, phone: CANARY_PHONE, email: CANARY_EMAIL });
    const seeker = (await t.api.post(`${API}/seekers`).send(body).expect(201)).body;

    // Reads by the coordinator (access-logged), by the seeker, lists and filters.
    await t.api.get(`${API}/seekers/${seeker.id}`).expect(200);
    await t.api.get(`${API}/seekers?status=active&pageSize=100`).expect(200);
    await t.api.get(`${API}/seekers/${seeker.id}`).set('Authorization', seekerToken(seeker.id)).expect(200);
    await t.api.patch(`${API}/seekers/${seeker.id}`).set('Authorization', seekerToken(seeker.id)).send({ displayName: `${CANARY_NAME}2`, phone: CANARY_PHONE }).expect(200);
    await t.api.post(`${API}/seekers/${seeker.id}/availability`).send({ start: '2027-01-01', end: '2027-02-28' }).expect(201);

    // A firm reads the contact of its confirmed placement.
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, pastLeave());
    await t.dataSource.query(
      `INSERT INTO placements (seeker_id, leave_gap_id, period) SELECT $1, id, daterange(placement_start, placement_end, '[]') FROM leave_gaps WHERE id = $2`,
      [seeker.id, gap.id],
    );
    const placements = await t.api.get(`${API}/placements`).set('Authorization', firmToken(firm.id)).expect(200);
    expect(placements.body.items[0].contact.phone).toBe(CANARY_PHONE);

    // Failures: validation, a resident registration number, personal data in the query string,
    // an insert PostgreSQL refuses over HTTP (integer overflow) and directly (check violation,
    // whose DETAIL quotes the whole row), and a double booking (exclusion constraint).
    await t.api.post(`${API}/seekers`).send({ ...body, phone: `${CANARY_PHONE}x` }).expect(400);
    await t.api.post(`${API}/seekers`).send({ ...body, memo: `${CANARY_NAME} 900101-1234567` }).expect(400);
    await t.api.get(`${API}/seekers?status=${encodeURIComponent(CANARY_NAME)}&phone=${CANARY_PHONE}`).expect(400);
    const overflow = await t.api.post(`${API}/seekers`).send({ ...body, minHourlyWage: 2 ** 31 });
    expect(overflow.status).toBe(400);
    expect(overflow.text).not.toContain(CANARY_NAME);
    await expect(
      t.dataSource.getRepository(Seeker).insert({ ...t.dataSource.getRepository(Seeker).create({
        displayName: CANARY_NAME, phone: CANARY_PHONE, email: CANARY_EMAIL, homeLat: 37.5, homeLng: 127, commuteMode: 'transit',
        maxCommuteMinutes: -1, skills: [], weeklyHoursMin: 10, weeklyHoursMax: 20, consentAt: new Date(),
      }) }),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23514' }) });
    await expect(
      t.dataSource.query(
        `INSERT INTO placements (seeker_id, leave_gap_id, period) SELECT $1, id, daterange(placement_start, placement_end, '[]') FROM leave_gaps WHERE id = $2`,
        [seeker.id, gap.id],
      ),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23P01' }) });

    // Withdrawal.
    // Ended before the test apps' today (their Clock), whatever the real date is.
    await t.dataSource.query(`UPDATE placements SET period = daterange(lower(period), $2::date, '[)') WHERE seeker_id = $1`, [seeker.id, TEST_TODAY]);
    await t.api.delete(`${API}/seekers/${seeker.id}`).set('Authorization', seekerToken(seeker.id)).expect(204);

    const log = lines.join('');
    // The capture works: the failed inserts and requests are in it, by SQLSTATE and route only.
    expect(log).toContain('22003');
    expect(log).toContain('23514');
    expect(log).toContain(`/api/v1/seekers/${seeker.id}`);
    expect(lines.length).toBeGreaterThan(20);
    for (const secret of [CANARY_NAME, 'CANARY', '홍길동', CANARY_PHONE, CANARY_PHONE.replace(/-/g, ''), '0000-1234', CANARY_EMAIL, '900101']) {
      expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
    }
    // Korean text escaped as \uXXXX by a serializer would hide from the check above.
    expect(log).not.toMatch(/\\ud64d\\uae38\\ub3d9/i);
  });
});
