import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Public, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { SessionCookies } from '../auth/session-cookies';
import { SetupStatusResponse, SignInDto } from './dto/sign-in.dto';
import { SeekerSignUpDto } from './dto/sign-up.dto';
import { SeekerSignUpService } from './seeker-sign-up.service';
import { FirstCoordinatorDto, SignedInResponse } from './dto/user.dto';
import { Session, UsersService } from './users.service';

const SETS_COOKIES = 'Sets the HttpOnly session cookie `chaeum_session` and the CSRF cookie `chaeum_csrf`.';

/** Sign-in for the console: the session is a cookie carrying the same token API clients send as bearer. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly cookies: SessionCookies,
    private readonly seekerSignUp: SeekerSignUpService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password', description: SETS_COOKIES })
  @ApiOkResponse({ type: SignedInResponse })
  @ApiResponse({ status: 400, description: 'email or password missing' })
  @ApiResponse({ status: 401, description: 'auth.invalid_credentials: the same answer for an unknown email and a wrong password' })
  @ApiResponse({ status: 429, description: 'auth.too_many_attempts: 5 failures within 15 minutes; see Retry-After' })
  async login(@Body() dto: SignInDto, @Res({ passthrough: true }) response: Response): Promise<SignedInResponse> {
    return this.signedIn(response, await this.users.signIn(dto.email, dto.password));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: clears the session cookies' })
  @ApiNoContentResponse()
  logout(@Res({ passthrough: true }) response: Response): void {
    this.cookies.clear(response);
  }

  @Get('me')
  @Roles('coordinator', 'firm', 'seeker')
  @ApiSignedIn()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: SignedInResponse })
  async me(@CurrentPrincipal() principal: Principal): Promise<SignedInResponse> {
    return { user: await this.users.current(principal) };
  }

  @Get('setup')
  @Public()
  @ApiOperation({ summary: 'Whether the first coordinator account is still to be created' })
  @ApiOkResponse({ type: SetupStatusResponse })
  async setupStatus(): Promise<SetupStatusResponse> {
    return { needsFirstCoordinator: await this.users.needsFirstCoordinator() };
  }

  @Post('setup')
  @Public()
  @ApiOperation({ summary: 'First run: create the first coordinator and sign in', description: SETS_COOKIES })
  @ApiCreatedResponse({ type: SignedInResponse })
  @ApiResponse({ status: 400, description: 'email, password (at least 10 characters) or displayName invalid' })
  @ApiConflictResponse({ description: 'auth.already_set_up: a coordinator exists' })
  async setup(@Body() dto: FirstCoordinatorDto, @Res({ passthrough: true }) response: Response): Promise<SignedInResponse> {
    return this.signedIn(response, await this.users.setUpFirstCoordinator(dto));
  }

  @Post('signup')
  @Public()
  @ApiOperation({
    summary: 'A job seeker signs up: registration (with PIPA consent) and account in one step',
    description: `The seeker and the account are created in one transaction. ${SETS_COOKIES}`,
  })
  @ApiCreatedResponse({ type: SignedInResponse })
  @ApiResponse({ status: 400, description: 'email, password (at least 10 characters), or a seeker field (consent must be true)' })
  @ApiConflictResponse({ description: 'user.email_taken' })
  async signUp(@Body() dto: SeekerSignUpDto, @Res({ passthrough: true }) response: Response): Promise<SignedInResponse> {
    return this.signedIn(response, await this.seekerSignUp.signUp(dto));
  }

  private signedIn(response: Response, session: Session): SignedInResponse {
    this.cookies.set(response, session.token);
    return { user: session.user };
  }
}
