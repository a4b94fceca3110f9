import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** `/assessments/:id/evidence/:evidenceId/unlink` as OpenAPI writes it. */
const openApiPath = (fastifyPath: string) => fastifyPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Routes that are not the API: the docs themselves and the web UI's page and assets. */
const notApi = (path: string) => path === '/' || path.startsWith('/docs') || path.startsWith('/app/');

function operationsOf(document: OpenAPIV3.Document) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item?.[method]).map((method) => ({ path, method, operation: item![method]! })),
  );
}

describe('OpenAPI description (e2e)', () => {
  let api: TestApp;
  const served: { method: string; path: string }[] = [];
  let document: OpenAPIV3.Document;

  beforeAll(async () => {
    api = await startTestApp(undefined, {}, {
      beforeListen: (app) =>
        app.getHttpAdapter().getInstance().addHook('onRoute', (route) => {
          for (const method of [route.method].flat()) served.push({ method: String(method).toLowerCase(), path: route.url });
        }),
    });
    const response = await api.request('GET', '/docs/openapi.json', { actor: null });
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => api.destroy());

  it('is served without a token, with the Swagger UI beside it', async () => {
    const ui = await api.request('GET', '/docs', { actor: null });
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/text\/html/);
    expect(ui.body).toMatch(/swagger-ui/i);
  });

  it('is a valid OpenAPI 3 document', async () => {
    expect(document.openapi).toMatch(/^3\./);
    // The validator dereferences in place; give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('describes every route the app serves, and nothing it does not', () => {
    const api = served.filter((route) => route.method !== 'head' && !notApi(route.path)).map((r) => `${r.method} ${openApiPath(r.path)}`);
    const documented = operationsOf(document).map((o) => `${o.method} ${o.path}`);
    expect(api.length).toBeGreaterThan(30);
    expect([...new Set(api)].sort()).toEqual([...documented].sort());
  });

  it('declares bearer JWT auth on every protected operation and none on the public probes', () => {
    expect(document.components?.securitySchemes?.bearer).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
    );
    const publicPaths = ['/health', '/health/live', '/health/ready', '/metrics'];
    for (const { path, method, operation } of operationsOf(document)) {
      if (publicPaths.includes(path)) {
        expect({ path, security: operation.security }).toEqual({ path, security: undefined });
        continue;
      }
      expect({ path, method, security: operation.security }).toEqual({ path, method, security: [{ bearer: [] }] });
      for (const status of ['401', '403', '429']) expect({ path, method, status, has: status in operation.responses }).toEqual({ path, method, status, has: true });
    }
  });

  it('documents a success answer with a schema and every error with the error schema', () => {
    for (const { path, method, operation } of operationsOf(document)) {
      const success = Object.keys(operation.responses).filter((status) => /^2/.test(status));
      expect({ path, method, success: success.length > 0 }).toEqual({ path, method, success: true });
      const body = operation.responses[success[0]] as OpenAPIV3.ResponseObject;
      expect({ path, method, content: Object.keys(body.content ?? {}).length > 0 }).toEqual({ path, method, content: true });
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^[45]/.test(status) || (path === '/health/ready' && status === '503')) continue;
        const schema = (response as OpenAPIV3.ResponseObject).content?.['application/json']?.schema as OpenAPIV3.ReferenceObject;
        expect({ path, method, status, schema: schema?.$ref }).toEqual({ path, method, status, schema: '#/components/schemas/ErrorResponseSchema' });
      }
      if (/\{/.test(path)) expect({ path, method, has400: '400' in operation.responses }).toEqual({ path, method, has400: true });
    }
    const commands = operationsOf(document).filter((o) => o.method === 'post' && o.path.startsWith('/assessments'));
    for (const { path, operation } of commands) {
      for (const status of ['400', '404', '409', '422'].filter((s) => path !== '/assessments' || s === '400' || s === '422')) {
        expect({ path, status, has: status in operation.responses }).toEqual({ path, status, has: true });
      }
      expect(operation.parameters?.map((p) => (p as OpenAPIV3.ParameterObject).name)).toEqual(expect.arrayContaining(['Idempotency-Key', 'X-Request-Id']));
    }
  });

  it('documents the draft body with enums and an example from the NTA 2023 excerpt', () => {
    const draft = document.paths['/assessments']!.post!;
    const body = draft.requestBody as OpenAPIV3.RequestBodyObject;
    expect(body.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/DraftAssessmentDto' });
    const schema = document.components!.schemas!.DraftAssessmentDto as OpenAPIV3.SchemaObject;
    expect(schema.required).toEqual(expect.arrayContaining(['statement', 'likelihood', 'confidence', 'horizon', 'rationale']));
    const statement = schema.properties!.statement as OpenAPIV3.SchemaObject;
    expect(statement.example).toMatch(/increased military pressure on post-Soviet countries are unlikely in the short term/);
    expect((schema.properties!.confidence as OpenAPIV3.SchemaObject).enum).toEqual(['low', 'moderate', 'high']);
    const likelihood = document.components!.schemas!.LikelihoodDto as OpenAPIV3.SchemaObject;
    expect((likelihood.properties!.scale as OpenAPIV3.SchemaObject).enum).toEqual(['icd203', 'phia', 'nta']);
    expect(draft.responses['201']).toBeDefined();
  });

  it('documents query parameters and path parameters', () => {
    const list = document.paths['/assessments']!.get!;
    const names = list.parameters!.map((p) => (p as OpenAPIV3.ParameterObject).name);
    expect(names).toEqual(expect.arrayContaining(['status', 'confidence', 'likelihood', 'q', 'sort', 'limit', 'cursor', 'asOf', 'minPosition', 'scale']));
    const unlink = document.paths['/assessments/{id}/evidence/{evidenceId}/unlink']!.post!;
    const params = unlink.parameters!.map((p) => p as OpenAPIV3.ParameterObject).filter((p) => p.in === 'path');
    expect(params.map((p) => [p.name, (p.schema as OpenAPIV3.SchemaObject).format])).toEqual(
      expect.arrayContaining([
        ['id', 'uuid'],
        ['evidenceId', 'uuid'],
      ]),
    );
  });
});
