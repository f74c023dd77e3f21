import { randomUUID } from 'node:crypto';
import { createComplex, firmBody } from './factories';
import { firmToken, seekerToken } from './support/auth';
import { createTestApp, type TestApp } from './support/test-app';

describe('the demo-data endpoint the console calls', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('tells a coordinator whether a load is running', async () => {
    const response = await testApp.api.get('/api/v1/demo-data').expect(200);
    expect(['idle', 'running', 'succeeded', 'failed']).toContain(response.body.status);
  });

  it('refuses to generate on a database that already has a firm (the button is for an empty one)', async () => {
    const complex = await createComplex(testApp);
    await testApp.api.post('/api/v1/firms').send(firmBody(complex.id)).expect(201);
    const response = await testApp.api.post('/api/v1/demo-data').expect(409);
    expect(response.body.code).toBe('demo.not_empty');
    expect((await testApp.api.get('/api/v1/demo-data').expect(200)).body.status).not.toBe('running');
  });

  it.each([
    ['firm staff', () => firmToken(randomUUID())],
    ['a seeker', () => seekerToken(randomUUID())],
  ])('refuses %s', async (_who, token) => {
    const response = await testApp.anonymous.post('/api/v1/demo-data').set('Authorization', token()).expect((r) => expect([401, 403]).toContain(r.status));
    expect(response.body.code).toMatch(/^auth\./);
  });
});
