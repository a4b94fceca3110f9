import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One built file of the web UI, held in memory with what a response needs. */
export interface WebUiFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * `web/dist` of the project this module belongs to: the nearest ancestor
 * holding a package.json. The same code runs from `src/web` (tests) and from
 * `dist/src/web` (the built service), so a fixed number of `..` would not do.
 */
export function defaultWebUiDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return join(dir, 'web', 'dist');
}

/**
 * Every file of a built UI, keyed by its path relative to `root` with forward
 * slashes ("index.html", "assets/index-abc.js"), or null when there is no
 * build (no index.html). Loaded once at start: the build is small, requests
 * then never touch the file system, and only files that exist at start can
 * ever be served, so no request path can reach outside the build.
 */
export function loadWebUiFiles(root: string): ReadonlyMap<string, WebUiFile> | null {
  if (!existsSync(join(root, 'index.html'))) return null;
  const files = new Map<string, WebUiFile>();
  for (const path of filesUnder(root)) {
    const body = readFileSync(path);
    const key = relative(root, path).split(sep).join('/');
    files.set(key, {
      body,
      contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    });
  }
  return files;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
