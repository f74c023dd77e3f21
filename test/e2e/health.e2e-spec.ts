import { TestApp, createTestApp } from './support/test-app';

describe('health and documentation', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(() => testApp.close());

  it('reports the database as up', async () => {
    const response = await testApp.api.get('/api/v1/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('gives every response a request id and echoes an acceptable one from the caller', async () => {
    const generated = await testApp.api.get('/api/v1/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const echoed = await testApp.api.get('/api/v1/health').set('X-Request-Id', 'trace-42.a');
    expect(echoed.headers['x-request-id']).toBe('trace-42.a');

    const replaced = await testApp.api.get('/api/v1/health').set('X-Request-Id', 'bad id <script>');
    expect(replaced.headers['x-request-id']).not.toBe('bad id <script>');
  });

  it('sends security headers and does not advertise the framework', async () => {
    const response = await testApp.api.get('/api/v1/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await testApp.api.get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toContain('/api/v1/health');

    const ui = await testApp.api.get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });
});
