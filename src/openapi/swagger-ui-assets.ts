import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One file of the Swagger UI, held in memory (they are few and never change while the service runs). */
export interface SwaggerUiAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

const FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/**
 * The Swagger UI's own files from swagger-ui-dist, found the way
 * @nestjs/swagger finds them (it depends on that exact version), so the UI
 * matches the document generator without a dependency of our own.
 */
export function loadSwaggerUiAssets(): Map<string, SwaggerUiAsset> {
  const fromSwagger = createRequire(createRequire(import.meta.url).resolve('@nestjs/swagger'));
  const root = dirname(fromSwagger.resolve('swagger-ui-dist/package.json'));
  return new Map(Object.entries(FILES).map(([name, contentType]) => [name, { body: readFileSync(join(root, name)), contentType }]));
}
