import { isServicePath } from './console.module';

describe('which paths the console may answer', () => {
  it('leaves the API and its docs to the service', () => {
    expect(isServicePath('/api/v1')).toBe(true);
    expect(isServicePath('/api/v1/leave-gaps')).toBe(true);
    expect(isServicePath('/api/docs')).toBe(true);
    expect(isServicePath('/api/docs-json')).toBe(true);
  });

  it("answers the console's own routes with the app", () => {
    expect(isServicePath('/')).toBe(false);
    expect(isServicePath('/gaps/3f6c0f0e')).toBe(false);
    expect(isServicePath('/invite/abc')).toBe(false);
    expect(isServicePath('/api-keys')).toBe(false);
  });
});
