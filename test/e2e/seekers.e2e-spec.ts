import { randomUUID } from 'node:crypto';
import { SeekerAvailability } from '../../src/seekers/seeker-availability.entity';
import { Seeker } from '../../src/seekers/seeker.entity';
import { API, createFirm, createSeeker, fieldsOf, problemOf, seekerBody } from './factories';
import { TestApp, createTestApp } from './support/test-app';

describe('seekers', () => {
  let t: TestApp;
  const seekersNamed = (displayName: string) => t.dataSource.getRepository(Seeker).countBy({ displayName });
  const windowCount = () => t.dataSource.getRepository(SeekerAvailability).count();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('registers a seeker with consent and availability, and reads them back', async () => {
    const firm = await createFirm(t);
    const body = seekerBody({
      blockedFirmIds: [firm.id],
      availability: [
        { start: '2026-09-01', end: '2026-12-31' },
        { start: '2026-02-01', end: '2026-06-30' },
      ],
      waitingSince: '2026-01-15',
    });
    const before = Date.now();
    const created = await t.api.post(`${API}/seekers`).send(body).expect(201);
    expect(created.body).toMatchObject({
      displayName: body.displayName,
      phone: body.phone,
      email: body.email,
      home: body.home,
      commuteMode: 'transit',
      maxCommuteMinutes: 60,
      skills: body.skills,
      certifications: ['forklift'],
      weeklyHours: { min: 20, max: 40 },
      minHourlyWage: 11_000,
      blockedFirmIds: [firm.id],
      waitingSince: '2026-01-15',
      status: 'active',
      availability: [
        { id: expect.any(String), start: '2026-02-01', end: '2026-06-30' },
        { id: expect.any(String), start: '2026-09-01', end: '2026-12-31' },
      ],
    });
    expect(Date.parse(created.body.consentAt)).toBeGreaterThanOrEqual(before - 1_000);
    expect(created.body).not.toHaveProperty('consent');
    await t.api.get(`${API}/seekers/${created.body.id}`).expect(200, created.body);
  });

  it('defaults waitingSince to the day of registration', async () => {
    const seeker = await createSeeker(t, { waitingSince: undefined, availability: undefined });
    expect(seeker.waitingSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(seeker.availability).toEqual([]);
  });

  it('lists seekers by status', async () => {
    const seeker = await createSeeker(t);
    await t.api.patch(`${API}/seekers/${seeker.id}`).send({ status: 'inactive' }).expect(200);
    // Other specs leave hundreds of seekers behind (the database is never truncated): read every page.
    const all = async (status: string) => {
      const items: { id: string; status: string }[] = [];
      for (let page = 1; ; page += 1) {
        const { body } = await t.api.get(`${API}/seekers`).query({ status, pageSize: 100, page }).expect(200);
        items.push(...body.items);
        if (items.length >= body.total || body.items.length === 0) return items;
      }
    };
    const inactive = await all('inactive');
    expect(inactive.map((s) => s.id)).toContain(seeker.id);
    expect(inactive.every((s) => s.status === 'inactive')).toBe(true);
    const active = await all('active');
    expect(active.map((s) => s.id)).not.toContain(seeker.id);
  });

  it('updates a profile and checks the hours range on the merged result', async () => {
    const seeker = await createSeeker(t);
    const updated = await t.api
      .patch(`${API}/seekers/${seeker.id}`)
      .send({ commuteMode: 'car', maxCommuteMinutes: 45, weeklyHours: { min: 30, max: 40 }, email: null })
      .expect(200);
    expect(updated.body).toMatchObject({ commuteMode: 'car', maxCommuteMinutes: 45, weeklyHours: { min: 30, max: 40 }, email: null });
    const refused = await t.api.patch(`${API}/seekers/${seeker.id}`).send({ weeklyHours: { min: 41, max: 40 } }).expect(400);
    expect(problemOf(refused)).toMatchObject({ code: 'seeker.weekly_hours_min_above_max', errors: [{ field: 'weeklyHours.min' }] });
    expect((await t.api.get(`${API}/seekers/${seeker.id}`).expect(200)).body.weeklyHours).toEqual({ min: 30, max: 40 });
  });

  it('does not let a PATCH withdraw consent or replace availability', async () => {
    const seeker = await createSeeker(t);
    expect(fieldsOf(await t.api.patch(`${API}/seekers/${seeker.id}`).send({ consent: false }).expect(400))).toEqual(['consent']);
    expect(fieldsOf(await t.api.patch(`${API}/seekers/${seeker.id}`).send({ availability: [] }).expect(400))).toEqual([
      'availability',
    ]);
  });

  describe('availability windows', () => {
    it('adds, lists and removes single windows', async () => {
      const seeker = await createSeeker(t, { availability: [{ start: '2026-03-01', end: '2026-03-31' }] });
      const added = await t.api
        .post(`${API}/seekers/${seeker.id}/availability`)
        .send({ start: '2026-01-05', end: '2026-02-15' })
        .expect(201);
      expect(added.body).toEqual({ id: expect.any(String), start: '2026-01-05', end: '2026-02-15' });

      const listed = await t.api.get(`${API}/seekers/${seeker.id}/availability`).expect(200);
      expect(listed.body.map((w: { start: string }) => w.start)).toEqual(['2026-01-05', '2026-03-01']);

      await t.api.delete(`${API}/seekers/${seeker.id}/availability/${added.body.id}`).expect(204);
      const after = await t.api.get(`${API}/seekers/${seeker.id}/availability`).expect(200);
      expect(after.body.map((w: { start: string }) => w.start)).toEqual(['2026-03-01']);
    });

    it('refuses a window ending before it starts, naming end, writing nothing', async () => {
      const seeker = await createSeeker(t, { availability: [] });
      const response = await t.api
        .post(`${API}/seekers/${seeker.id}/availability`)
        .send({ start: '2026-05-01', end: '2026-04-30' })
        .expect(400);
      expect(problemOf(response)).toMatchObject({ code: 'seeker.availability_end_before_start', errors: [{ field: 'end' }] });
      expect((await t.api.get(`${API}/seekers/${seeker.id}/availability`).expect(200)).body).toEqual([]);
    });

    it("answers 404 for another seeker's window and for malformed ids", async () => {
      const owner = await createSeeker(t);
      const other = await createSeeker(t);
      const windowId = owner.availability as { id: string }[];
      await t.api.delete(`${API}/seekers/${other.id}/availability/${windowId[0].id}`).expect(404);
      await t.api.delete(`${API}/seekers/${other.id}/availability/nope`).expect(404);
      await t.api.get(`${API}/seekers/nope/availability`).expect(404);
      expect((await t.api.get(`${API}/seekers/${owner.id}/availability`).expect(200)).body).toHaveLength(1);
    });
  });

  describe('registration refused: 400 naming the field, nothing written', () => {
    it.each([
      ['consent', { consent: undefined }, 'consent'],
      ['consent', { consent: false }, 'consent'],
      ['consent', { consent: 'yes' }, 'consent'],
      ['weeklyHours.min', { weeklyHours: { min: 41, max: 40 } }, 'seeker.weekly_hours_min_above_max'],
      ['weeklyHours.max', { weeklyHours: { min: 10, max: 53 } }, undefined],
      ['weeklyHours', { weeklyHours: undefined }, undefined],
      ['availability[1].end', { availability: [{ start: '2026-01-01', end: '2026-01-31' }, { start: '2026-03-01', end: '2026-02-28' }] }, 'seeker.availability_end_before_start'],
      ['availability[0].start', { availability: [{ start: '2026-1-1', end: '2026-01-31' }] }, undefined],
      ['phone', { phone: '02-123-4567' }, undefined],
      ['email', { email: 'not-an-email' }, undefined],
      ['home.lat', { home: { lat: -91, lng: 126.9 } }, undefined],
      ['home', { home: 'Seoul' }, undefined],
      ['commuteMode', { commuteMode: 'helicopter' }, undefined],
      ['maxCommuteMinutes', { maxCommuteMinutes: 0 }, undefined],
      ['skills[0].level', { skills: [{ code: 'smt-operation', level: 0 }] }, undefined],
      ['skills', { skills: [{ code: 'smt-operation', level: 2 }, { code: 'smt-operation', level: 4 }] }, undefined],
      ['certifications[0]', { certifications: ['Forklift License'] }, undefined],
      ['blockedFirmIds', { blockedFirmIds: ['not-a-uuid'] }, undefined],
      ['minHourlyWage', { minHourlyWage: -5 }, undefined],
      ['nickname', { nickname: 'x' }, undefined],
    ])('%s (%#)', async (field, overrides, code) => {
      const body = seekerBody(overrides);
      const windowsBefore = await windowCount();
      const response = await t.api.post(`${API}/seekers`).send(body).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const fields = fieldsOf(response);
      // class-validator names an element of a string array by the array (`certifications`), nested ones by index.
      expect(fields.some((f) => f === field || field.startsWith(`${f}[`))).toBe(true);
      if (code && code !== 'consent') expect(problemOf(response).code).toBe(code);
      expect(await seekersNamed(body.displayName as string)).toBe(0);
      expect(await windowCount()).toBe(windowsBefore);
    });
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect(problemOf(await t.api.get(`${API}/seekers/${randomUUID()}`).expect(404)).code).toBe('seeker.not_found');
    expect(problemOf(await t.api.patch(`${API}/seekers/abc`).send({ status: 'inactive' }).expect(404)).code).toBe('seeker.not_found');
  });
});
