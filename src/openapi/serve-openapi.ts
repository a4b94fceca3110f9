import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from './openapi-document.js';
import { loadSwaggerUiAssets } from './swagger-ui-assets.js';

export const OPENAPI_UI_PATH = '/docs';
export const OPENAPI_JSON_PATH = '/docs/openapi.json';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Assessment Ledger API</title>
  <link rel="icon" type="image/png" href="${OPENAPI_UI_PATH}/favicon-32x32.png">
  <link rel="stylesheet" href="${OPENAPI_UI_PATH}/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${OPENAPI_UI_PATH}/swagger-ui-bundle.js"></script>
  <script src="${OPENAPI_UI_PATH}/swagger-ui-init.js"></script>
</body>
</html>
`;

// No inline script: the page shares its origin with the web UI, whose token sits in sessionStorage.
const INIT = `window.ui = SwaggerUIBundle({ url: '${OPENAPI_JSON_PATH}', dom_id: '#swagger-ui', deepLinking: true });\n`;

// Swagger UI sets inline styles on its elements; everything else comes from this origin only.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The OpenAPI document at /docs/openapi.json (SwaggerModule builds it on
 * first request from the controllers and DTOs, and keeps it) and the Swagger
 * UI at /docs. Both are plain Fastify routes, outside Nest's router, so no
 * guard runs on them: they are public, like the web UI, and hold no data.
 *
 * The UI's files are served here rather than by SwaggerModule, which needs
 * @fastify/static; that package's current release requires an ES-module-only
 * dependency that Jest's loader cannot require on Node 20, so the app could
 * not be tested with it.
 */
export function serveOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup(OPENAPI_UI_PATH.slice(1), app, () => buildOpenApiDocument(app), {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1),
  });
  registerSwaggerUi(app.getHttpAdapter().getInstance());
}

function registerSwaggerUi(fastify: FastifyInstance): void {
  const assets = loadSwaggerUiAssets();
  fastify.get(OPENAPI_UI_PATH, (_request, reply) => {
    void reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY).type('text/html; charset=utf-8').send(PAGE);
  });
  fastify.get(`${OPENAPI_UI_PATH}/swagger-ui-init.js`, (_request, reply) => {
    void reply.type('text/javascript; charset=utf-8').send(INIT);
  });
  for (const [name, asset] of assets) {
    fastify.get(`${OPENAPI_UI_PATH}/${name}`, (_request, reply) => {
      void reply.header('Cache-Control', 'public, max-age=3600').type(asset.contentType).send(asset.body);
    });
  }
}
