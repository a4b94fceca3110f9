import type { CommandResult, ErrorBody } from './api-types.js';
import { loadSession, rememberWritePosition } from './session.js';

/** An error answer from the service, with its parsed body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message || `HTTP ${status}`);
  }

  get isConflict(): boolean {
    return this.status === 409 && this.body.code === 'wrong-expected-revision';
  }
}

export type QueryParams = Record<string, string | number | null | undefined>;

let unauthorizedHandler: (message: string) => void = () => undefined;

/** What to do when the service refuses the token (expired, revoked, wrong secret): sign in again. */
export function onUnauthorized(handler: (message: string) => void): void {
  unauthorizedHandler = handler;
}

export function withQuery(path: string, query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

// A read-model query given minPosition answers 503 while the projections catch up.
const RETRIES_WHILE_BEHIND = 3;

async function send(method: string, url: string, body: unknown, token: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status !== 503 || method !== 'GET' || attempt >= RETRIES_WHILE_BEHIND) return response;
    const wait = Number(response.headers.get('retry-after') ?? '1');
    await new Promise((resolve) => setTimeout(resolve, Math.min(5, Math.max(0.2, wait)) * 1000));
  }
}

async function parse<T>(response: Response, signedIn: boolean): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = { statusCode: response.status, error: response.statusText, message: text };
  }
  if (response.ok) return body as T;
  const error = new ApiError(response.status, (body ?? { statusCode: response.status, error: response.statusText, message: '' }) as ErrorBody);
  if (response.status === 401 && signedIn) unauthorizedHandler(error.message);
  throw error;
}

export interface GetResult<T> {
  readonly body: T;
  readonly etag: string | null;
}

/** A GET with the signed-in user's token (or `token`, to try one before keeping it). */
export async function apiGet<T>(path: string, query: QueryParams = {}, token?: string): Promise<GetResult<T>> {
  const used = token ?? loadSession()?.token;
  const response = await send('GET', withQuery(path, query), undefined, used);
  const body = await parse<T>(response, token === undefined);
  return { body, etag: response.headers.get('etag') };
}

/** A command; remembers its log position so later list reads include it. */
export async function apiCommand(path: string, body: Record<string, unknown>): Promise<CommandResult> {
  const response = await send('POST', path, body, loadSession()?.token);
  const result = await parse<CommandResult>(response, true);
  if (result?.position) rememberWritePosition(result.position);
  return result;
}
