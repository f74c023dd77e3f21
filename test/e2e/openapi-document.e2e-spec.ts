import { API } from './factories';
import { TestApp, createTestApp } from './support/test-app';

type Operation = { summary?: string; security?: Record<string, string[]>[]; responses?: Record<string, unknown> };

/**
 * Swagger's "Try it out" sends a token only for operations that declare their security, and a
 * console developer reads the summary first: every operation must have both. Public ones say
 * so with an empty requirement (`[{}]`).
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let operations: [string, Operation][];

  beforeAll(async () => {
    t = await createTestApp();
    const document = (await t.anonymous.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as [string, Operation]),
    );
  });
  afterAll(() => t.close());

  it('describes the API', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it('gives every operation a summary', () => {
    expect(operations.filter(([, operation]) => !operation.summary?.trim()).map(([name]) => name)).toEqual([]);
  });

  it('gives every operation its security requirement: bearer or session cookie, or explicitly none', () => {
    const undeclared = operations.filter(([, operation]) => !Array.isArray(operation.security) || operation.security.length === 0);
    expect(undeclared.map(([name]) => name)).toEqual([]);
    const signedIn = operations.filter(([, operation]) => !operation.security?.some((requirement) => Object.keys(requirement).length === 0));
    for (const [name, operation] of signedIn) {
      expect([name, operation.security]).toEqual([name, [{ bearer: [] }, { chaeum_session: [] }]]);
    }
  });

  it('marks exactly the public operations as public', () => {
    const publicOperations = operations
      .filter(([, operation]) => operation.security?.some((requirement) => Object.keys(requirement).length === 0))
      .map(([name]) => name)
      .sort();
    expect(publicOperations).toEqual(
      [
        `GET ${API}/auth/setup`,
        `GET ${API}/health`,
        `GET ${API}/invitations/{token}`,
        `POST ${API}/auth/login`,
        `POST ${API}/auth/logout`,
        `POST ${API}/auth/setup`,
        `POST ${API}/auth/signup`,
        `POST ${API}/invitations/{token}/accept`,
      ].sort(),
    );
  });

  it('documents the errors of sign-in, invitations and sign-up', () => {
    const responsesOf = (name: string) => Object.keys(operations.find(([key]) => key === name)?.[1].responses ?? {});
    expect(responsesOf(`POST ${API}/auth/login`)).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
    expect(responsesOf(`POST ${API}/auth/setup`)).toEqual(expect.arrayContaining(['201', '400', '409']));
    expect(responsesOf(`POST ${API}/auth/signup`)).toEqual(expect.arrayContaining(['201', '400', '409']));
    expect(responsesOf(`POST ${API}/invitations`)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409']));
    expect(responsesOf(`GET ${API}/invitations/{token}`)).toEqual(expect.arrayContaining(['200', '404', '410']));
    expect(responsesOf(`POST ${API}/invitations/{token}/accept`)).toEqual(expect.arrayContaining(['200', '400', '404', '410']));
  });
});
