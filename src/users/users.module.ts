import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionCookies } from '../auth/session-cookies';
import { AuthController } from './auth.controller';
import { SignInLockout } from './sign-in-lockout';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** Accounts: sign-in and sessions, first-run set-up, invitations, seeker sign-up. */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  controllers: [AuthController],
  providers: [UsersService, SignInLockout, SessionCookies],
})
export class UsersModule {}
