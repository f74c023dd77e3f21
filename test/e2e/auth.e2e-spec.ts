import { JwtService } from '@nestjs/jwt';
import { TOKEN_ISSUER } from '../../src/auth/token.service';
import { jwtSecretOf, loadEnvironment } from '../../src/config/environment';
import { API, createFirm, problemOf } from './factories';
import { coordinatorToken, expiredToken, firmToken, wrongKeyToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('authentication', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps the health check open', async () => {
    await t.anonymous.get(`${API}/health`).expect(200);
  });

  it('answers a request without a token with 401 auth.missing_token and a Bearer challenge', async () => {
    const response = await t.anonymous.get(`${API}/firms`).expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="chaeum"');
    expect(problemOf(response).code).toBe('auth.missing_token');
  });

  it.each([
    ['an expired token', () => expiredToken()],
    ['a token signed with another key', () => wrongKeyToken()],
    ['alg none', () => `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'x', role: 'coordinator', iss: TOKEN_ISSUER, exp: Math.floor(Date.now() / 1000) + 60 })}.`],
    ['a tampered payload', () => {
      const [header, , signature] = coordinatorToken().slice('Bearer '.length).split('.');
      return `Bearer ${header}.${base64url({ sub: 'x', role: 'coordinator', iss: TOKEN_ISSUER, exp: 4102444800 })}.${signature}`;
    }],
    ['another scheme', () => `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ['garbage', () => 'Bearer not-a-token'],
  ])('answers %s with 401 auth.invalid_token', async (_name, header) => {
    const response = await t.anonymous.get(`${API}/firms`).set('Authorization', header()).expect(401);
    expect(problemOf(response).code).toBe('auth.invalid_token');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="chaeum", error="invalid_token"');
  });

  it('refuses a correctly signed firm token that names no firm', async () => {
    const token = new JwtService({ secret: jwtSecretOf(loadEnvironment()) }).sign({ sub: 'f', role: 'firm', iss: TOKEN_ISSUER }, { expiresIn: 60 });
    const response = await t.anonymous.get(`${API}/firms`).set('Authorization', `Bearer ${token}`).expect(401);
    expect(problemOf(response).code).toBe('auth.invalid_token');
  });

  it('lets only coordinators use a handler without @Roles (secure by default): 403 auth.role_not_allowed', async () => {
    const firm = await createFirm(t);
    const response = await t.anonymous.post(`${API}/complexes`).set('Authorization', firmToken(firm.id)).send({}).expect(403);
    expect(problemOf(response).code).toBe('auth.role_not_allowed');
  });

  it('accepts a coordinator token', async () => {
    await t.anonymous.get(`${API}/complexes`).set('Authorization', coordinatorToken()).expect(200);
  });
});
