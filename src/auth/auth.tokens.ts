/** Nest injection token for the TokenKeys in use. */
export const TOKEN_KEYS = Symbol('TOKEN_KEYS');
