import { runScript } from '../support/server-process.js';
import { tempDataDir } from '../support/test-app.js';

describe('npm run token (e2e, the built script)', () => {
  const dataDir = tempDataDir();

  it('--help prints the usage and exits 0', () => {
    const result = runScript('mint-token.js', dataDir, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run token -- --sub <subject>/);
  });

  it('an unknown option exits 2 with the usage, not a stack trace', () => {
    const result = runScript('mint-token.js', dataDir, ['--subject', 'alice']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--subject'[\s\S]*usage: npm run token/);
    expect(result.stderr).not.toMatch(/at .*parse_args/);
  });

  it('mints a token for the subject, roles and clearance given', () => {
    const result = runScript('mint-token.js', dataDir, ['--sub', 'alice', '--roles', 'analyst,reviewer', '--clearance', 'SECRET']);
    expect(result.status).toBe(0);
    const [, payload] = result.stdout.trim().split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ sub: 'alice', roles: ['analyst', 'reviewer'], clearance: 'SECRET' });
  });
});
