import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { registerWebUi, WEB_UI_NOT_BUILT_MESSAGE } from '../../../src/web/serve-web-ui.js';

/** The static serving of the web UI on a bare Fastify, with a stand-in build or none at all. */
describe('serving the web UI', () => {
  const dirs: string[] = [];
  const servers: FastifyInstance[] = [];

  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function serve(build: Record<string, string> | null): Promise<string> {
    const root = mkdtempSync(join(tmpdir(), 'web-ui-'));
    dirs.push(root);
    for (const [path, content] of Object.entries(build ?? {})) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const server = Fastify();
    servers.push(server);
    registerWebUi(server, root);
    return server.listen({ port: 0, host: '127.0.0.1' });
  }

  it('answers / with how to build the UI when there is no build, and nothing else', async () => {
    const url = await serve(null);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await page.text()).toBe(WEB_UI_NOT_BUILT_MESSAGE);
    expect(WEB_UI_NOT_BUILT_MESSAGE).toContain('npm run build');
    expect((await fetch(`${url}/app/assets/index.js`)).status).toBe(404);
  });

  it('serves the page at / and the built files under /app/, with caching that fits each', async () => {
    const url = await serve({
      'index.html': '<!doctype html><script type="module" src="/app/assets/index-abc.js"></script>',
      'assets/index-abc.js': 'console.log("ui")',
      'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const etag = page.headers.get('etag')!;
    expect((await fetch(`${url}/`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const script = await fetch(`${url}/app/assets/index-abc.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log("ui")');
    expect((await fetch(`${url}/app/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves only the files of the build: no other path, no way out of its folder', async () => {
    const url = await serve({ 'index.html': '<!doctype html>', 'assets/a.js': '' });
    for (const path of ['/app/missing.js', '/app/index.html', '/app/../package.json', '/app/%2e%2e/%2e%2e/package.json', '/app/assets/../../x', '/index.html']) {
      expect({ path, status: (await fetch(`${url}${path}`)).status }).toEqual({ path, status: 404 });
    }
  });
});
