import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { Principal, Role } from './principal';

export const ROLES_KEY = 'chaeum:roles';
export const PUBLIC_KEY = 'chaeum:public';

/** Only these roles may call the handler (or every handler of the controller). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * No token needed (health check, sign-in). Everything else requires one. The OpenAPI document
 * says so too: an empty security requirement means "anyone".
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiSecurity({}));

/** The authenticated caller, put on the request by the global auth guard. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal,
);
