import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from './principal';

export const ROLES_KEY = 'chaeum:roles';
export const PUBLIC_KEY = 'chaeum:public';

/** Only these roles may call the handler (or every handler of the controller). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed (health check). Everything else requires one. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller, put on the request by the global auth guard. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal,
);
