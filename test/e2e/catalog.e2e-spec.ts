import { API, createFirm, createSeeker, leaveGapBody, problemOf, seekerBody, uniqueSuffix } from './factories';
import { firmToken, seekerToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

describe('skill and certification catalogue', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the seeded codes and finds them by Korean label, synonym or code, for every role', async () => {
    const seeker = await createSeeker(t);
    const byLabel = await t.api.get(`${API}/catalog`).query({ kind: 'certification', q: '지게차' }).set('Authorization', seekerToken(seeker.id)).expect(200);
    expect(byLabel.body.items[0]).toEqual({
      code: 'forklift',
      kind: 'certification',
      labelKo: '지게차운전기능사',
      labelEn: 'Forklift Operator Craftsman',
      synonyms: ['지게차', '지게차 면허'],
    });
    expect(byLabel.body.items.every((item: { kind: string }) => item.kind === 'certification')).toBe(true);

    const bySynonym = await t.api.get(`${API}/catalog`).query({ q: '컴활' }).expect(200);
    expect(bySynonym.body.items.map((item: { code: string }) => item.code)).toEqual(expect.arrayContaining(['computer-literacy-1', 'computer-literacy-2']));

    const skills = await t.api.get(`${API}/catalog`).query({ kind: 'skill', q: 'cnc' }).expect(200);
    expect(skills.body.items.map((item: { code: string }) => item.code)).toEqual(expect.arrayContaining(['cnc-milling', 'cnc-turning']));
  });

  it('lets a coordinator add an entry, once; others may not', async () => {
    const code = `injection-molding-${uniqueSuffix()}`;
    const entry = { code, kind: 'skill', labelKo: '사출 성형', labelEn: 'Injection molding', synonyms: ['사출'] };
    const created = await t.api.post(`${API}/catalog`).send(entry).expect(201);
    expect(created.body).toEqual(entry);
    expect(problemOf(await t.api.post(`${API}/catalog`).send(entry).expect(409)).code).toBe('catalog.duplicate_code');
    const firm = await createFirm(t);
    await t.api.post(`${API}/catalog`).set('Authorization', firmToken(firm.id)).send({ ...entry, code: `${code}-x` }).expect(403);
    const found = await t.api.get(`${API}/catalog`).query({ q: code }).expect(200);
    expect(found.body.items).toEqual([entry]);
  });

  it('refuses an entry without labels or with a malformed code, naming the field and rule', async () => {
    const response = await t.api.post(`${API}/catalog`).send({ code: 'Bad Code', kind: 'skill', labelKo: ' ', labelEn: 'x' }).expect(400);
    const problem = problemOf(response) as ReturnType<typeof problemOf> & { errors: { field: string; code: string }[] };
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'code', code: 'matches' }),
        expect.objectContaining({ field: 'labelKo', code: 'isNotEmpty' }),
      ]),
    );
  });

  it('refuses a seeker naming an unknown skill or certification, with the nearest codes', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM seekers`);
    const response = await t.api
      .post(`${API}/seekers`)
      .send(seekerBody({ skills: [{ code: 'cnc-miling', level: 3 }], certifications: ['forklift', 'welding-craftsmen'] }))
      .expect(400);
    const problem = problemOf(response) as ReturnType<typeof problemOf> & { errors: { field: string; code: string }[] };
    expect(problem.code).toBe('catalog.unknown_code');
    expect(problem.errors.map((error) => [error.field, error.code])).toEqual([
      ['skills[0].code', 'catalog.unknown_code'],
      ['certifications[1]', 'catalog.unknown_code'],
    ]);
    const suggestions = problem.details!.suggestions as Record<string, string[]>;
    expect(suggestions['skills[0].code'][0]).toBe('cnc-milling');
    expect(suggestions['certifications[1]'][0]).toBe('welding-craftsman');
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM seekers`)).toEqual(before);
  });

  it('refuses a certification code used as a skill, and a skill edited to an unknown code', async () => {
    const asSkill = await t.api.post(`${API}/seekers`).send(seekerBody({ skills: [{ code: 'forklift', level: 2 }] })).expect(400);
    expect(problemOf(asSkill).code).toBe('catalog.unknown_code');
    expect((problemOf(asSkill).details!.suggestions as Record<string, string[]>)['skills[0].code']).toContain('forklift-operation');

    const seeker = await createSeeker(t);
    const edit = await t.api.patch(`${API}/seekers/${seeker.id}`).send({ skills: [{ code: 'soldring', level: 2 }] }).expect(400);
    expect((problemOf(edit).details!.suggestions as Record<string, string[]>)['skills[0].code'][0]).toBe('soldering');
    const unchanged = await t.api.get(`${API}/seekers/${seeker.id}`).expect(200);
    expect(unchanged.body.skills).toEqual([{ code: 'cnc-milling', level: 3 }]);
  });

  it("refuses a gap's unknown required or preferred skill and certification, on create and update", async () => {
    const firm = await createFirm(t);
    const response = await t.api
      .post(`${API}/firms/${firm.id}/leave-gaps`)
      .send(leaveGapBody({ preferredSkills: [{ code: 'autocadd', level: 1 }], requiredCertifications: ['forklift-license'] }))
      .expect(400);
    expect(problemOf(response).code).toBe('catalog.unknown_code');
    expect(problemOf(response).details!.suggestions).toEqual({
      'preferredSkills[0].code': expect.arrayContaining(['autocad']),
      'requiredCertifications[0]': expect.arrayContaining(['forklift']),
    });
    const gap = await t.api.post(`${API}/firms/${firm.id}/leave-gaps`).send(leaveGapBody()).expect(201);
    const update = await t.api.patch(`${API}/leave-gaps/${gap.body.id}`).send({ requiredSkills: [{ code: 'qualty-inspection', level: 1 }] }).expect(400);
    expect((problemOf(update).details!.suggestions as Record<string, string[]>)['requiredSkills[0].code'][0]).toBe('quality-inspection');
  });
});
