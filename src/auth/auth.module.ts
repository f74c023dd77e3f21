import { Global, Logger, Module, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AuthGuard } from './auth.guard';
import { TokenService } from './token.service';

/** Bearer-token authentication; AuthGuard is registered globally (APP_GUARD) in AppModule. */
@Global()
@Module({
  providers: [
    {
      provide: TokenService,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new TokenService({ secret: config.jwtSecret, ttlSeconds: config.jwtTtlSeconds }),
    },
    AuthGuard,
  ],
  exports: [TokenService, AuthGuard],
})
export class AuthModule implements OnModuleInit {
  constructor(private readonly config: AppConfig) {}

  onModuleInit(): void {
    if (this.config.usesDevelopmentJwtSecret && this.config.nodeEnvironment !== 'test') {
      new Logger('Auth').warn(
        'JWT_SECRET is not set: tokens are signed with the public development key, so the service listens on 127.0.0.1 only. ' +
          'Set JWT_SECRET (32+ random characters) to serve other machines.',
      );
    }
  }
}
