import { randomUUID } from 'node:crypto';
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

  it.each([
    ['firm staff', () => firmToken(randomUUID())],
    ['a seeker', () => seekerToken(randomUUID())],
  ])('refuses %s', async (_who, token) => {
    const response = await testApp.anonymous.post('/api/v1/demo-data').set('Authorization', token()).expect((r) => expect([401, 403]).toContain(r.status));
    expect(response.body.code).toMatch(/^auth\./);
  });
});
