/**
 * The signed-in user: the bearer token (kept in sessionStorage, so it goes
 * when the tab closes) and its claims, decoded here only to decide what to
 * show. The service verifies the token on every call; nothing here is trusted
 * for access.
 */
export const ROLES = ['reader', 'analyst', 'reviewer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenClaims {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly clearance: string;
  /** Seconds since the epoch. */
  readonly exp?: number;
}

export interface Session {
  readonly token: string;
  readonly claims: TokenClaims;
}

const TOKEN_KEY = 'assessment-ledger.token';
const POSITION_KEY = 'assessment-ledger.position';

/** Reads the claims of a JWT without verifying it; throws with a message a person can act on. */
export function decodeClaims(token: string): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) {
    throw new Error('This is not a bearer token: expected three base64url parts separated by dots.');
  }
  let payload: Record<string, unknown>;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    payload = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    throw new Error('The token payload could not be read.');
  }
  const { sub, roles, clearance, exp } = payload;
  if (typeof sub !== 'string' || sub === '') throw new Error('The token names no subject (sub).');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => (ROLES as readonly unknown[]).includes(r))) {
    throw new Error(`The token must carry roles from: ${ROLES.join(', ')}.`);
  }
  if (typeof clearance !== 'string' || clearance === '') throw new Error('The token carries no clearance.');
  if (typeof exp === 'number' && exp * 1000 <= Date.now()) throw new Error('The token has expired; mint a new one.');
  return { sub, roles: roles as Role[], clearance, exp: typeof exp === 'number' ? exp : undefined };
}

export function loadSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  try {
    return { token, claims: decodeClaims(token) };
  } catch {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
}

export function saveSession(token: string): Session {
  const claims = decodeClaims(token);
  sessionStorage.setItem(TOKEN_KEY, token);
  return { token, claims };
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(POSITION_KEY);
}

/**
 * The log position of this user's latest write. Read-model queries pass it as
 * `minPosition`, so lists and timelines always include the user's own changes.
 */
export function lastWritePosition(): string | undefined {
  return sessionStorage.getItem(POSITION_KEY) ?? undefined;
}

export function rememberWritePosition(position: string): void {
  const previous = lastWritePosition();
  if (previous === undefined || BigInt(position) > BigInt(previous)) sessionStorage.setItem(POSITION_KEY, position);
}

/** What the roles allow, mirroring the service's table (README, "Who may do what"). */
export interface Capabilities {
  readonly seeDrafts: boolean;
  readonly change: boolean;
  readonly publish: boolean;
  readonly history: boolean;
  readonly reviewDue: boolean;
  readonly calibration: boolean;
}

export function capabilitiesOf(claims: TokenClaims): Capabilities {
  const has = (...roles: Role[]) => claims.roles.some((role) => roles.includes(role));
  return {
    seeDrafts: claims.roles.some((role) => role !== 'reader'),
    change: has('analyst'),
    publish: has('reviewer'),
    history: has('analyst', 'reviewer', 'auditor'),
    reviewDue: has('analyst', 'reviewer'),
    calibration: has('analyst', 'reviewer', 'auditor'),
  };
}

/** The capabilities in words, for the "what you can do" panel. */
export function describeCapabilities(claims: TokenClaims): string[] {
  const can = capabilitiesOf(claims);
  return [
    can.seeDrafts ? 'read every assessment up to your clearance, drafts included' : 'read published assessments up to your clearance',
    can.change ? 'reword, re-judge, add evidence and record outcomes' : null,
    can.publish ? 'publish changes someone else made (four eyes)' : null,
    can.history ? 'read the full history of each assessment' : null,
    can.reviewDue ? 'see which assessments are due for review' : null,
    can.calibration ? 'read calibration and Brier scores' : null,
  ].filter((line): line is string => line !== null);
}
