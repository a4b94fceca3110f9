import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './auth.guard.js';
import type { Principal, Visibility } from './principal.js';

/** The authenticated caller (set by AuthGuard on every non-public route). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('route reached without an authenticated principal');
  return principal;
});

/** What the caller may see: markings up to their clearance, and whether only published assessments. */
export const CurrentVisibility = createParamDecorator((_: unknown, ctx: ExecutionContext): Visibility => {
  const visibility = ctx.switchToHttp().getRequest<AuthenticatedRequest>().visibility;
  if (!visibility) throw new Error('route reached without an authenticated principal');
  return visibility;
});
