import { randomInt } from 'node:crypto';
import { getChoseong } from 'es-hangul';
import { API, createFirm, createLeaveGap, createSeeker, uniqueSuffix } from './factories';
import { TestApp, createTestApp } from './support/test-app';

/** A name of random syllables, so that its initials match no other test's seeker. */
function randomKoreanName(syllables = 5): string {
  return Array.from({ length: syllables }, () => String.fromCharCode(0xac00 + randomInt(0, 11_172))).join('');
}

describe('list search', () => {
  let t: TestApp;
  const idsOf = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function catalogued(labelKo: string): Promise<string> {
    const code = `search-${uniqueSuffix()}`;
    await t.api.post(`${API}/catalog`).send({ code, kind: 'skill', labelKo, labelEn: `search test ${code}` }).expect(201);
    return code;
  }

  it('finds seekers by name, initial consonants, phone digits and skill label', async () => {
    const name = randomKoreanName();
    const skillLabel = `검색기술${randomKoreanName(3)}`;
    const skill = await catalogued(skillLabel);
    const phone = `010-${randomInt(1000, 10_000)}-${randomInt(1000, 10_000)}`;
    const target = await createSeeker(t, { displayName: name, phone, skills: [{ code: skill, level: 2 }] });
    const other = await createSeeker(t, { displayName: randomKoreanName() });
    const search = (q: string) => t.api.get(`${API}/seekers`).query({ q, pageSize: 100 }).expect(200);

    const initials = getChoseong(name);
    for (const q of [name.slice(1, 4), initials, initials.slice(1, 4).split('').join(' '), phone.slice(4).replace('-', ''), phone.slice(-9), skillLabel]) {
      const found = idsOf(await search(q));
      expect({ q, found: found.includes(target.id) }).toEqual({ q, found: true });
      expect(found).not.toContain(other.id);
    }
    expect(idsOf(await search(skill))).toEqual([target.id]);
  });

  it('forgets a withdrawn seeker: their initials are erased with their name', async () => {
    const name = randomKoreanName();
    const seeker = await createSeeker(t, { displayName: name });
    await t.api.delete(`${API}/seekers/${seeker.id}`).expect(204);
    expect(idsOf(await t.api.get(`${API}/seekers`).query({ q: getChoseong(name) }).expect(200))).toEqual([]);
    const [row] = await t.dataSource.query(`SELECT name_initials FROM seekers WHERE id = $1`, [seeker.id]);
    expect(row.name_initials).toBeNull();
  });

  it('finds leave gaps by role title, firm name and skill label', async () => {
    const firm = await createFirm(t);
    const skillLabel = `검색공정${randomKoreanName(3)}`;
    const skill = await catalogued(skillLabel);
    const roleTitle = `검색 직무 ${randomKoreanName(3)}`;
    const target = await createLeaveGap(t, firm.id, { roleTitle, preferredSkills: [{ code: skill, level: 1 }] });
    const other = await createLeaveGap(t, undefined, { roleTitle: `다른 직무 ${randomKoreanName(3)}` });
    const search = (q: string) => t.api.get(`${API}/leave-gaps`).query({ q, pageSize: 100 }).expect(200);

    expect(idsOf(await search(roleTitle.slice(6)))).toEqual([target.id]);
    expect(idsOf(await search(skillLabel))).toEqual([target.id]);
    expect(idsOf(await search(skill))).toEqual([target.id]);
    const byFirm = idsOf(await search(String(firm.name).slice(-8)));
    expect(byFirm).toEqual([target.id]);
    expect(byFirm).not.toContain(other.id);
    // Wildcards are text: a search for "%" does not list every gap.
    expect(idsOf(await t.api.get(`${API}/firms/${firm.id}/leave-gaps`).query({ q: '%' }).expect(200))).toEqual([]);
  });
});
