/** What a caller may do, by role; a token may carry several. */
export const ROLES = ['reader', 'analyst', 'reviewer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Everyone who may read assessments at all (readers see only published ones). */
export const READ_ROLES: Role[] = ['reader', 'analyst', 'reviewer', 'auditor', 'admin'];

/** The authenticated caller, from a verified bearer token. */
export interface Principal {
  /** The token's subject: the actor recorded on every event this caller causes. */
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly clearance: string;
}

/**
 * What a principal may see: the markings up to their clearance, and for a
 * caller who is only a reader, nothing that was never published.
 */
export interface Visibility {
  readonly levels: readonly string[];
  readonly publishedOnly: boolean;
}

export function visibilityOf(principal: Principal, classificationLevels: readonly string[]): Visibility {
  const rank = classificationLevels.indexOf(principal.clearance);
  return {
    levels: classificationLevels.slice(0, rank + 1),
    publishedOnly: principal.roles.every((role) => role === 'reader'),
  };
}

/** Full sight, for tools that run inside the trust boundary (seeding, rebuilding). */
export function unrestricted(classificationLevels: readonly string[]): Visibility {
  return { levels: classificationLevels, publishedOnly: false };
}
