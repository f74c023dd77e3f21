import type { AppConfig } from '../config/app-config';
import { validateEnvironment } from '../config/environment';
import { GazetteerGeocoder } from './gazetteer-geocoder';
import { geocoderFor } from './geocoding.module';
import { VworldGeocoder } from './vworld-geocoder';

describe('geocoder configuration', () => {
  it('defaults to the bundled gazetteer', () => {
    const environment = validateEnvironment({});
    expect(environment.GEOCODER).toBe('gazetteer');
    expect(geocoderFor({ geocoder: 'gazetteer' } as AppConfig)).toBeInstanceOf(GazetteerGeocoder);
  });

  it('refuses to start with GEOCODER=vworld but no key, a bad URL or an unknown geocoder', () => {
    expect(() => validateEnvironment({ GEOCODER: 'vworld' })).toThrow(/VWORLD_API_KEY=\(unset\)/);
    expect(() => validateEnvironment({ GEOCODER: 'vworld', VWORLD_API_KEY: 'ABCD1234-5678', VWORLD_API_URL: 'ftp://example.com' })).toThrow(/VWORLD_API_URL/);
    expect(() => validateEnvironment({ GEOCODER: 'google' })).toThrow(/GEOCODER must be one of gazetteer, vworld/);
    // The key is a secret: a bad one is named, not printed.
    expect(() => validateEnvironment({ VWORLD_API_KEY: 'x!' })).toThrow(/VWORLD_API_KEY=\(hidden\)/);
  });

  it('selects the VWorld adapter with its key and endpoint', () => {
    const environment = validateEnvironment({ GEOCODER: 'vworld', VWORLD_API_KEY: 'ABCD1234-5678', VWORLD_API_URL: 'http://127.0.0.1:5551/req/address' });
    expect(environment.VWORLD_API_URL).toBe('http://127.0.0.1:5551/req/address');
    const config = { geocoder: 'vworld', vworld: { url: environment.VWORLD_API_URL, apiKey: environment.VWORLD_API_KEY, timeoutMs: 1000 } } as AppConfig;
    expect(geocoderFor(config)).toBeInstanceOf(VworldGeocoder);
  });
});
