import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal.js';

export const PUBLIC_ROUTE = 'ledger:public-route';
export const ALLOWED_ROLES = 'ledger:allowed-roles';

/** Answers without a token (the health probes, and /metrics when METRICS_PUBLIC=true). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call this route; a caller needs at least one of them. */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);
