import { ConfigService } from '@nestjs/config';
import { AppConfig } from './app-config';
import { validateEnvironment } from './environment';

const configOf = (raw: Record<string, string>) => new AppConfig(new ConfigService(validateEnvironment(raw)));

describe('AppConfig.listenHost', () => {
  it('is 127.0.0.1 while tokens are signed with the public development key', () => {
    expect(configOf({}).listenHost).toBe('127.0.0.1');
  });

  it('is every interface with a JWT_SECRET of its own', () => {
    expect(configOf({ JWT_SECRET: 's'.repeat(32) }).listenHost).toBeUndefined();
  });
});
