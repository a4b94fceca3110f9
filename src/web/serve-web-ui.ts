import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defaultWebUiDir, loadWebUiFiles } from './web-ui-files.js';
import type { WebUiFile } from './web-ui-files.js';

/** Where the built assets live; the Vite build uses the same base (web/vite.config.ts). */
export const WEB_UI_ASSET_PREFIX = '/app/';

export const WEB_UI_NOT_BUILT_MESSAGE =
  'The analyst web UI is not built. Run `npm run build` (or `npm run build:web`) and restart the service; the API is unaffected.\n';

// The page talks only to this origin and loads nothing inline: a strict policy
// keeps an injected script from reading the token kept in sessionStorage.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the analyst web UI (web/dist) from the service itself: the page at
 * `/` and its assets under `/app/`; the page routes by URL hash, so none of
 * its paths meet the API's. These are plain Fastify routes, outside Nest's
 * router, so no guard runs on them: the page and its assets are public and
 * hold no data; every API call the page makes carries the user's token.
 */
export function serveWebUi(app: NestFastifyApplication, root = defaultWebUiDir()): void {
  registerWebUi(app.getHttpAdapter().getInstance(), root);
}

export function registerWebUi(fastify: FastifyInstance, root: string): void {
  const files = loadWebUiFiles(root);
  if (!files) {
    fastify.get('/', (_request, reply) => {
      void reply.code(503).type('text/plain; charset=utf-8').send(WEB_UI_NOT_BUILT_MESSAGE);
    });
    return;
  }
  const index = files.get('index.html')!;
  fastify.get('/', (request, reply) => {
    // The page names the hashed assets of the current build: always revalidate it.
    sendFile(request, reply, index, 'no-cache');
  });
  fastify.get(`${WEB_UI_ASSET_PREFIX}*`, (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    const file = path === 'index.html' ? undefined : files.get(path);
    if (!file) {
      void reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no web UI file ${WEB_UI_ASSET_PREFIX}${path}` });
      return;
    }
    // Vite puts a content hash in every name under assets/, so those never change.
    const cacheControl = path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    sendFile(request, reply, file, cacheControl);
  });
}

function sendFile(request: FastifyRequest, reply: FastifyReply, file: WebUiFile, cacheControl: string): void {
  void reply
    .header('Cache-Control', cacheControl)
    .header('ETag', file.etag)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer');
  if (file.contentType.startsWith('text/html')) void reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === file.etag)) {
    void reply.code(304).send();
    return;
  }
  void reply.type(file.contentType).send(file.body);
}
