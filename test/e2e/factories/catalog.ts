import type { TestApp } from '../support/test-app';

/**
 * Skill codes minted for one test (uniqueSkill) are not in the seeded catalogue: the factories
 * add them before posting a body that names them. Only minted codes are added, so a typo in a
 * spec's fixed codes still fails with catalog.unknown_code.
 */
const minted = new Set<string>();
const catalogued = new Set<string>();

export function mintSkillCode(code: string): string {
  minted.add(code);
  return code;
}

type Body = Record<string, unknown>;

function skillCodesOf(body: Body): string[] {
  return ['skills', 'requiredSkills', 'preferredSkills'].flatMap((field) =>
    Array.isArray(body[field]) ? (body[field] as { code?: unknown }[]).map((skill) => skill?.code).filter((code) => typeof code === 'string') : [],
  ) as string[];
}

/** Adds the minted skill codes `body` names to the catalogue (as the coordinator). */
export async function catalogueMintedCodes(t: TestApp, body: Body): Promise<void> {
  for (const code of skillCodesOf(body)) {
    if (!minted.has(code) || catalogued.has(code)) continue;
    const response = await t.api
      .post('/api/v1/catalog')
      .send({ code, kind: 'skill', labelKo: `시험 기술 ${code}`, labelEn: `test skill ${code}` });
    if (response.status !== 201 && response.status !== 409) {
      throw new Error(`could not catalogue ${code}: ${response.status} ${response.text}`);
    }
    catalogued.add(code);
  }
}
