import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionCookies } from '../auth/session-cookies';
import { SeekersModule } from '../seekers/seekers.module';
import { AuthController } from './auth.controller';
import { Invitation } from './invitation.entity';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { SeekerSignUpService } from './seeker-sign-up.service';
import { SignInLockout } from './sign-in-lockout';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** Accounts: sign-in and sessions, first-run set-up, invitations, seeker sign-up. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Invitation]), SeekersModule],
  controllers: [AuthController, InvitationsController],
  providers: [UsersService, SignInLockout, SessionCookies, InvitationsService, SeekerSignUpService],
})
export class UsersModule {}
