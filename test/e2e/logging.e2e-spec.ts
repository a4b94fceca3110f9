import { Writable } from 'node:stream';
import { draftBody } from '../support/fixtures.js';
import { startTestApp, tokenFor } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STATEMENT = 'As long as Russian resources are primarily directed at the war against Ukraine, increased military pressure on post-Soviet countries is unlikely in the short term.';
const RATIONALE = 'Russian resources are tied up in the war against Ukraine.';

interface LogLine {
  level: string;
  msg?: string;
  reqId?: string;
  req?: { method: string; path: string; route?: string };
  res?: { statusCode: number };
  [key: string]: unknown;
}

describe('Structured logs (e2e)', () => {
  let api: TestApp;
  const raw: string[] = [];
  const lines = () => raw.map((text) => JSON.parse(text) as LogLine);
  const completed = (reqId: string) => lines().find((line) => line.reqId === reqId && line.msg === 'request completed');

  beforeAll(async () => {
    // pino writes one JSON line per call to its destination.
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        raw.push(...chunk.toString().split('\n').filter((text) => text.length > 0));
        done();
      },
    });
    api = await startTestApp(undefined, { logLevel: 'log' }, { logDestination: destination });
  });
  afterAll(() => api.destroy());

  it('writes every line as JSON with a level, a time and a message', () => {
    expect(raw.length).toBeGreaterThan(0);
    for (const line of lines()) {
      expect(line).toEqual(expect.objectContaining({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) }));
    }
  });

  it('logs the request with the X-Request-Id it came with, which is the correlationId of the events it caused', async () => {
    const requestId = 'nta-2023-draft-0001';
    const drafted = await api.request('POST', '/assessments', { body: draftBody({ statement: STATEMENT }), headers: { 'x-request-id': requestId } });
    expect(drafted.status).toBe(201);
    expect(drafted.headers.get('x-request-id')).toBe(requestId);

    const history = await api.request('GET', `/assessments/${drafted.body.assessmentId}/history`);
    expect(history.body.events.map((event: { correlationId: string }) => event.correlationId)).toEqual([requestId]);

    expect(completed(requestId)).toEqual(
      expect.objectContaining({
        level: 'info',
        reqId: requestId,
        req: expect.objectContaining({ method: 'POST', path: '/assessments', route: '/assessments' }),
        res: { statusCode: 201 },
        responseTime: expect.any(Number),
      }),
    );
  });

  it('makes up a UUID when there is no X-Request-Id (or a malformed one) and uses it for both', async () => {
    for (const headers of [{}, { 'x-request-id': 'not a valid id; <script>' }] as Record<string, string>[]) {
      const drafted = await api.request('POST', '/assessments', { body: draftBody(), headers });
      const requestId = drafted.headers.get('x-request-id')!;
      expect(requestId).toMatch(UUID);
      const history = await api.request('GET', `/assessments/${drafted.body.assessmentId}/history`);
      expect(history.body.events[0].correlationId).toBe(requestId);
      expect(completed(requestId)?.res).toEqual({ statusCode: 201 });
    }
    expect(raw.join('\n')).not.toContain('<script>');
  });

  it('never logs statement text, rationales, query strings or tokens at info level', async () => {
    const token = tokenFor('alice');
    await api.request('POST', '/assessments', { body: draftBody({ statement: STATEMENT, rationale: RATIONALE }), token });
    // Refused bodies are not logged either.
    await api.request('POST', '/assessments', { body: { statement: STATEMENT, likelihood: { scale: 'nta', term: 'very-likely' } }, token });
    await api.request('GET', `/assessments?q=${encodeURIComponent('military pressure')}`, { token });
    await api.request('GET', '/assessments', { token: 'not.a.token' });

    const info = raw.filter((text) => ['info', 'warn', 'error', 'fatal'].includes((JSON.parse(text) as LogLine).level)).join('\n');
    expect(info).toMatch(/"path":"\/assessments"/);
    for (const secret of [STATEMENT, RATIONALE, 'military pressure', 'military%20pressure', token, token.split('.')[2], 'not.a.token', 'Bearer']) {
      expect({ secret, logged: info.includes(secret) }).toEqual({ secret, logged: false });
    }
  });

  it('keeps probes at debug level, out of the info stream', async () => {
    const probe = await api.request('GET', '/health/live', { actor: null });
    const requestId = probe.headers.get('x-request-id')!;
    expect(lines().some((line) => line.reqId === requestId && line.level !== 'debug')).toBe(false);
  });
});
