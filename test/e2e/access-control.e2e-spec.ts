import { Seeker } from '../../src/seekers/seeker.entity';
import { SeekerAvailability } from '../../src/seekers/seeker-availability.entity';
import { Placement } from '../../src/placements/placement.entity';
import { API, complexBody, firmBody, leaveGapBody, problemOf, seekerBody } from './factories';
import { TwoPartyWorld, buildTwoPartyWorld, firmToken, futureLeave, pastLeave, seekerToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';
import { TEST_TODAY } from './support/test-today';

/** What each kind of user sees of the others' data (the route table covers who may call what). */
describe('access control and data exposure', () => {
  let t: TestApp;
  let w: TwoPartyWorld;
  const build = () =>
    buildTwoPartyWorld(t.api, t.dataSource, {
      complex: () => complexBody(),
      firm: (complexId) => firmBody(complexId),
      gap: (kind) => leaveGapBody(kind === 'open' ? futureLeave() : pastLeave()),
      seeker: () => seekerBody(),
    });
  const asFirm = (side: 'A' | 'B') => firmToken(w.firm[side]);
  const asSeeker = (side: 'A' | 'B') => seekerToken(w.seeker[side]);
  const accessLogOf = async (seekerId: string) =>
    (await t.api.get(`${API}/access-log?seekerId=${seekerId}&pageSize=100`).expect(200)).body.items as {
      actor: { role: string; firmId: string | null };
      action: string;
      fields: string[];
    }[];

  beforeAll(async () => {
    t = await createTestApp();
    w = await build();
  });
  afterAll(() => t.close());

  describe('firms', () => {
    it("firm A reading firm B's gap gets 404, and no list of firm A's ever contains it", async () => {
      const read = await t.api.get(`${API}/leave-gaps/${w.openGap.B}`).set('Authorization', asFirm('A')).expect(404);
      expect(problemOf(read).code).toBe('leave_gap.not_found');
      const lists = [
        `${API}/leave-gaps?pageSize=100`,
        `${API}/leave-gaps?firmId=${w.firm.B}`,
        `${API}/leave-gaps?complexId=${w.complexId}&pageSize=100`,
        `${API}/leave-gaps?status=open&leaveType=maternity&pageSize=100`,
      ];
      for (const url of lists) {
        const { body } = await t.api.get(url).set('Authorization', asFirm('A')).expect(200);
        const firms = new Set(body.items.map((gap: { firmId: string }) => gap.firmId));
        expect([...firms].filter((firmId) => firmId !== w.firm.A)).toEqual([]);
        expect(body.items.map((gap: { id: string }) => gap.id)).not.toContain(w.openGap.B);
      }
      const own = await t.api.get(`${API}/leave-gaps?pageSize=100`).set('Authorization', asFirm('A')).expect(200);
      expect(own.body.items.map((gap: { id: string }) => gap.id).sort()).toEqual([w.openGap.A, w.filledGap.A].sort());
      expect(own.body.total).toBe(2);
    });

    it("firm A cannot post a gap for firm B (404, nothing written), nor read or change B's gaps", async () => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM leave_gaps WHERE firm_id = $1`, [w.firm.B]);
      await t.api.post(`${API}/firms/${w.firm.B}/leave-gaps`).set('Authorization', asFirm('A')).send(leaveGapBody(futureLeave())).expect(404);
      await t.api.patch(`${API}/leave-gaps/${w.openGap.B}`).set('Authorization', asFirm('A')).send({ roleTitle: 'x' }).expect(404);
      await t.api.post(`${API}/leave-gaps/${w.openGap.B}/cancel`).set('Authorization', asFirm('A')).expect(404);
      const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM leave_gaps WHERE firm_id = $1`, [w.firm.B]);
      expect(after).toEqual(before);
      const gapB = await t.api.get(`${API}/leave-gaps/${w.openGap.B}`).expect(200);
      expect(gapB.body.status).toBe('open');
    });

    it('a firm user sees only its own firm', async () => {
      const { body } = await t.api.get(`${API}/firms?complexId=${w.complexId}&pageSize=100`).set('Authorization', asFirm('A')).expect(200);
      expect(body.items.map((firm: { id: string }) => firm.id)).toEqual([w.firm.A]);
      await t.api.get(`${API}/firms/${w.firm.B}`).set('Authorization', asFirm('A')).expect(404);
    });

    it("a firm sees its confirmed placement's contact, logged, and nothing of other firms' placements", async () => {
      const { body } = await t.api.get(`${API}/placements?pageSize=100`).set('Authorization', asFirm('A')).expect(200);
      expect(body.items).toHaveLength(1);
      const seeker1 = await t.dataSource.getRepository(Seeker).findOneByOrFail({ id: w.seeker.A });
      expect(body.items[0]).toMatchObject({
        id: w.placement.A,
        status: 'confirmed',
        contact: { displayName: seeker1.displayName, phone: seeker1.phone, email: seeker1.email },
      });
      expect(body.items[0]).not.toHaveProperty('job');
      for (const filter of [`seekerId=${w.seeker.B}`, `leaveGapId=${w.filledGap.B}`]) {
        const filtered = await t.api.get(`${API}/placements?${filter}`).set('Authorization', asFirm('A')).expect(200);
        expect(filtered.body).toMatchObject({ items: [], total: 0 });
      }
      await t.api.get(`${API}/placements/${w.placement.B}`).set('Authorization', asFirm('A')).expect(404);
      expect(await accessLogOf(w.seeker.A)).toContainEqual(
        expect.objectContaining({ actor: expect.objectContaining({ role: 'firm', firmId: w.firm.A }), action: 'placements.list.contact', fields: ['displayName', 'phone', 'email'] }),
      );
    });

    it('a firm gets no contact for a cancelled placement', async () => {
      const world = await build();
      await t.dataSource.query(`UPDATE placements SET status = 'cancelled', cancelled_reason = 'test' WHERE id = $1`, [world.placement.A]);
      const { body } = await t.api.get(`${API}/placements/${world.placement.A}`).set('Authorization', firmToken(world.firm.A)).expect(200);
      expect(body.status).toBe('cancelled');
      expect(body).not.toHaveProperty('contact');
      expect(await accessLogOf(world.seeker.A)).toEqual([]);
    });

    it('a firm user may not read seekers at all', async () => {
      await t.api.get(`${API}/seekers/${w.seeker.A}`).set('Authorization', asFirm('A')).expect(403);
    });
  });

  describe('seekers', () => {
    it('a seeker sees their placement and its job, but never the leave type or the absent employee', async () => {
      const { body } = await t.api.get(`${API}/placements`).set('Authorization', asSeeker('A')).expect(200);
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({ id: w.placement.A, seekerId: w.seeker.A, job: { firmId: w.firm.A, roleTitle: 'CNC 가공원' } });
      expect(body.items[0]).not.toHaveProperty('contact');
      expect(JSON.stringify(body)).not.toMatch(/leaveType|maternity|parental|multipleBirth|extendedParentalReason|leaveStart|leaveEnd/);
      await t.api.get(`${API}/placements/${w.placement.B}`).set('Authorization', asSeeker('A')).expect(404);
      const filtered = await t.api.get(`${API}/placements?seekerId=${w.seeker.B}`).set('Authorization', asSeeker('A')).expect(200);
      expect(filtered.body.total).toBe(0);
      await t.api.get(`${API}/leave-gaps/${w.filledGap.A}`).set('Authorization', asSeeker('A')).expect(403);
    });

    it('a seeker never sees another seeker', async () => {
      await t.api.get(`${API}/seekers/${w.seeker.B}`).set('Authorization', asSeeker('A')).expect(404);
      await t.api.get(`${API}/seekers/${w.seeker.B}/availability`).set('Authorization', asSeeker('A')).expect(404);
      await t.api.get(`${API}/seekers`).set('Authorization', asSeeker('A')).expect(403);
    });

    it("logs a coordinator's reads of a seeker, not the seeker's own", async () => {
      const world = await build();
      await t.api.get(`${API}/seekers/${world.seeker.A}`).set('Authorization', seekerToken(world.seeker.A)).expect(200);
      await t.api.get(`${API}/seekers/${world.seeker.A}/availability`).set('Authorization', seekerToken(world.seeker.A)).expect(200);
      expect(await accessLogOf(world.seeker.A)).toEqual([]);
      await t.api.get(`${API}/seekers/${world.seeker.A}`).expect(200);
      await t.api.get(`${API}/seekers/${world.seeker.A}/availability`).expect(200);
      const log = await accessLogOf(world.seeker.A);
      expect(log.map((entry) => [entry.actor.role, entry.action])).toEqual([
        ['coordinator', 'seekers.availability'],
        ['coordinator', 'seekers.get'],
      ]);
      expect(log[1].fields).toEqual(expect.arrayContaining(['displayName', 'phone', 'email', 'home']));
    });

    it('only a coordinator may set waitingSince (matching favours those waiting longest)', async () => {
      const response = await t.api.patch(`${API}/seekers/${w.seeker.A}`).set('Authorization', asSeeker('A')).send({ waitingSince: '2020-01-01' }).expect(403);
      expect(problemOf(response).code).toBe('seeker.waiting_since_reserved');
      await t.api.patch(`${API}/seekers/${w.seeker.A}`).set('Authorization', asSeeker('A')).send({ maxCommuteMinutes: 50 }).expect(200);
    });

    it('a PATCH cannot set status withdrawn: only DELETE erases', async () => {
      await t.api.patch(`${API}/seekers/${w.seeker.A}`).send({ status: 'withdrawn' }).expect(400);
    });
  });

  describe("coordinators' matching views", () => {
    it('logs the seekers whose names a live candidate list shows', async () => {
      const leave = futureLeave();
      const gap = (await t.api.post(`${API}/firms/${w.firm.A}/leave-gaps`).send(leaveGapBody(leave)).expect(201)).body;
      const candidate = (
        await t.api
          .post(`${API}/seekers`)
          .send(seekerBody({ availability: [{ start: gap.vacancy.placementStart, end: gap.vacancy.placementEnd }] }))
          .expect(201)
      ).body;
      const { body } = await t.api.get(`${API}/leave-gaps/${gap.id}/candidates?limit=100`).expect(200);
      const shown = [...body.candidates, ...body.nearMisses].map((entry: { seeker: { id: string } }) => entry.seeker.id);
      expect(shown).toContain(candidate.id);
      expect(await accessLogOf(candidate.id)).toEqual([
        expect.objectContaining({ actor: expect.objectContaining({ role: 'coordinator' }), action: 'leave-gaps.candidates', fields: ['displayName'] }),
      ]);
    });
  });

  describe('withdrawal (PIPA)', () => {
    it('erases the personal fields and availability, keeps placements as anonymous history', async () => {
      const world = await build();
      await t.api.delete(`${API}/seekers/${world.seeker.A}`).set('Authorization', seekerToken(world.seeker.A)).expect(204);

      const row = await t.dataSource.getRepository(Seeker).findOneByOrFail({ id: world.seeker.A });
      expect(row).toMatchObject({
        status: 'withdrawn',
        displayName: null,
        phone: null,
        email: null,
        homeLat: null,
        homeLng: null,
        skills: [],
        certifications: [],
        minHourlyWage: null,
      });
      expect(row.withdrawnAt).toBeInstanceOf(Date);
      expect(await t.dataSource.getRepository(SeekerAvailability).countBy({ seekerId: world.seeker.A })).toBe(0);
      expect(await t.dataSource.getRepository(Placement).findOneByOrFail({ id: world.placement.A })).toMatchObject({ seekerId: world.seeker.A, status: 'confirmed' });

      await t.api.get(`${API}/seekers/${world.seeker.A}`).set('Authorization', seekerToken(world.seeker.A)).expect(404);
      const seen = await t.api.get(`${API}/seekers/${world.seeker.A}`).expect(200);
      expect(seen.body).toMatchObject({ status: 'withdrawn', displayName: null, phone: null, email: null, home: null, availability: [] });
      const placement = await t.api.get(`${API}/placements/${world.placement.A}`).set('Authorization', firmToken(world.firm.A)).expect(200);
      expect(placement.body).not.toHaveProperty('contact');
      expect(await accessLogOf(world.seeker.A)).toEqual([]);

      await t.api.delete(`${API}/seekers/${world.seeker.A}`).expect(204);
      expect(problemOf(await t.api.patch(`${API}/seekers/${world.seeker.A}`).send({ maxCommuteMinutes: 30 }).expect(409)).code).toBe('seeker.withdrawn');
    });

    it('is final in PostgreSQL too: a withdrawn row refuses any change, and cannot hold personal data', async () => {
      const world = await build();
      await t.api.delete(`${API}/seekers/${world.seeker.B}`).expect(204);
      await expect(t.dataSource.query(`UPDATE seekers SET status = 'active' WHERE id = $1`, [world.seeker.B])).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: '23514' }),
      });
      await expect(
        t.dataSource.query(`UPDATE seekers SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [world.seeker.A]),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23514', constraint: 'ck_seekers_withdrawn_erased' }) });
    });

    it('waits for a placement that has not ended (409), and another seeker cannot withdraw you', async () => {
      const world = await build();
      await t.dataSource.query(`UPDATE placements SET period = daterange($2::date, $2::date + 30, '[]') WHERE id = $1`, [world.placement.A, TEST_TODAY]);
      const response = await t.api.delete(`${API}/seekers/${world.seeker.A}`).set('Authorization', seekerToken(world.seeker.A)).expect(409);
      expect(problemOf(response)).toMatchObject({ code: 'seeker.placement_ongoing', details: { placementId: world.placement.A } });
      await t.api.delete(`${API}/seekers/${world.seeker.B}`).set('Authorization', seekerToken(world.seeker.A)).expect(404);
      expect((await t.dataSource.getRepository(Seeker).findOneByOrFail({ id: world.seeker.B })).status).toBe('active');
    });
  });
});
