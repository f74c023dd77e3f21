import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Public, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { SessionCookies } from '../auth/session-cookies';
import { AcceptInvitationDto, CreateInvitationDto, InvitationPreviewResponse, InvitationResponse } from './dto/invitation.dto';
import { SignedInResponse } from './dto/user.dto';
import { InvitationsService } from './invitations.service';

const GONE = 'invitation.used or invitation.expired (valid 72 hours, once)';

@ApiTags('auth')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly cookies: SessionCookies,
  ) {}

  @Post()
  @Roles('coordinator')
  @ApiSignedIn()
  @ApiOperation({ summary: 'Invite firm staff (for a firm) or a registered seeker to set a password' })
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiResponse({ status: 400, description: 'email, role, or the firmId / seekerId the role needs' })
  @ApiNotFoundResponse({ description: 'firm.not_found, seeker.not_found' })
  @ApiConflictResponse({ description: 'user.email_taken, user.seeker_has_account' })
  create(@Body() dto: CreateInvitationDto, @CurrentPrincipal() principal: Principal): Promise<InvitationResponse> {
    return this.invitations.create(dto, principal);
  }

  @Get(':token')
  @Public()
  @ApiOperation({ summary: 'What an invitation is for, before accepting it' })
  @ApiOkResponse({ type: InvitationPreviewResponse })
  @ApiNotFoundResponse({ description: 'invitation.not_found' })
  @ApiResponse({ status: 410, description: GONE })
  preview(@Param('token') token: string): Promise<InvitationPreviewResponse> {
    return this.invitations.preview(token);
  }

  @Post(':token/accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation: set the password and sign in', description: 'Sets the session cookies.' })
  @ApiOkResponse({ type: SignedInResponse })
  @ApiResponse({ status: 400, description: 'password shorter than 10 characters' })
  @ApiNotFoundResponse({ description: 'invitation.not_found' })
  @ApiConflictResponse({ description: 'user.email_taken: an account with this email was created meanwhile' })
  @ApiResponse({ status: 410, description: GONE })
  async accept(
    @Param('token') token: string,
    @Body() dto: AcceptInvitationDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedInResponse> {
    const session = await this.invitations.accept(token, dto);
    this.cookies.set(response, session.token);
    return { user: session.user };
  }
}
