import { RoleNotAllowedError } from './auth.errors';
import type { Principal } from './principal';

/**
 * What part of the data a principal may see, for services to put into their WHERE clauses.
 * `undefined` means "no restriction" (coordinators). A role that has no business with the
 * resource at all is refused here too, so a missing @Roles cannot widen access (fail closed).
 */

/** The firm whose gaps and placements a firm user is confined to; undefined for coordinators. */
export function firmScopeOf(principal: Principal): string | undefined {
  if (principal.role === 'coordinator') return undefined;
  if (principal.role === 'firm') return principal.firmId;
  throw new RoleNotAllowedError();
}

/** The seeker a seeker user is confined to; undefined for coordinators. */
export function seekerScopeOf(principal: Principal): string | undefined {
  if (principal.role === 'coordinator') return undefined;
  if (principal.role === 'seeker') return principal.seekerId;
  throw new RoleNotAllowedError();
}

/** True when `firmId` lies within the principal's firm scope. */
export function mayActForFirm(principal: Principal, firmId: string): boolean {
  const scope = firmScopeOf(principal);
  return scope === undefined || scope === firmId;
}
