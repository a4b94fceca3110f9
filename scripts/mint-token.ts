/**
 * npm run token -- --sub alice --roles analyst,reviewer --clearance SECRET [--hours 8]
 *
 * Prints a development bearer token signed with JWT_SECRET, or with the
 * development secret the service keeps in DATA_DIR when no JWT_SECRET is set.
 * It cannot mint tokens for a service configured with JWT_PUBLIC_KEY: those
 * come from the identity provider that holds the private key.
 */
import { parseArgs } from 'node:util';
import { mintToken } from '../src/auth/mint-token.js';
import { ROLES } from '../src/auth/principal.js';
import type { Role } from '../src/auth/principal.js';
import { tokenKeys } from '../src/auth/token-signing-key.js';
import { ConfigError, loadConfig } from '../src/config/app-config.js';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const USAGE = `usage: npm run token -- --sub <subject> [--roles ${ROLES.join(',')}] [--clearance <marking>] [--hours 8]
  Prints a bearer token signed with JWT_SECRET (or the development secret in DATA_DIR).
  --roles      comma list (default reader)
  --clearance  a CLASSIFICATION_LEVELS marking (default the lowest)
  --hours      lifetime, up to 720 (default 8)`;

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sub: { type: 'string' },
        roles: { type: 'string', default: 'reader' },
        clearance: { type: 'string' },
        hours: { type: 'string', default: '8' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  const sub = values.sub ?? fail('--sub is required, e.g. --sub alice');
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/.test(sub)) fail('--sub must be 1-100 letters, digits, ".", "_", "@" or "-"');
  const roles = values.roles.split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) fail(`unknown role(s) ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  const clearance = values.clearance ?? config.classificationLevels[0];
  if (!config.classificationLevels.includes(clearance)) fail(`--clearance must be one of ${config.classificationLevels.join(', ')}`);
  const hours = Number(values.hours);
  if (!(hours > 0 && hours <= 24 * 30)) fail('--hours must be a number from 0 to 720');
  const keys = tokenKeys(config);
  if (!keys.signingSecret) fail('the service verifies tokens with JWT_PUBLIC_KEY; mint them with the matching private key instead');
  process.stdout.write(mintToken(keys.signingSecret, { sub, roles: roles as Role[], clearance }, Math.round(hours * 3600)) + '\n');
}

main();
