/**
 * Hash routes (`#/assessments/<id>?scale=phia`): the service serves the page
 * at `/` only, so no page address can ever collide with an API path.
 */
export type Route =
  | { readonly name: 'sign-in'; readonly params: URLSearchParams }
  | { readonly name: 'list'; readonly params: URLSearchParams }
  | { readonly name: 'assessment'; readonly id: string; readonly params: URLSearchParams }
  | { readonly name: 'draft'; readonly params: URLSearchParams }
  | { readonly name: 'calibration'; readonly params: URLSearchParams }
  | { readonly name: 'not-found'; readonly params: URLSearchParams };

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(search);
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (segments.length === 0) return { name: 'list', params };
  if (segments[0] === 'sign-in' && segments.length === 1) return { name: 'sign-in', params };
  if (segments[0] === 'calibration' && segments.length === 1) return { name: 'calibration', params };
  if (segments[0] === 'assessments') {
    if (segments.length === 1) return { name: 'list', params };
    // Assessment ids are UUIDs, so `new` is never one.
    if (segments.length === 2 && segments[1] === 'new') return { name: 'draft', params };
    if (segments.length === 2) return { name: 'assessment', id: segments[1], params };
  }
  return { name: 'not-found', params };
}

/** `#/path?a=1`, leaving out empty parameters. */
export function href(path: string, params: Record<string, string | null | undefined> | URLSearchParams = {}): string {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const search = new URLSearchParams(entries.filter((entry): entry is [string, string] => !!entry[1])).toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

export function navigate(to: string): void {
  if (location.hash === to) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = to;
}

export const DRAFT_HREF = '#/assessments/new';

export function assessmentHref(id: string, params: { scale?: string | null; asOf?: string | null } = {}): string {
  return href(`/assessments/${encodeURIComponent(id)}`, { scale: params.scale, asOf: params.asOf });
}
