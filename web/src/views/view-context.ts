import type { Route } from '../router.js';
import type { Session } from '../session.js';

/** What a view gets: where to draw, who is signed in, and whether it is still the page asked for. */
export interface ViewContext {
  readonly main: HTMLElement;
  readonly route: Route;
  readonly session: Session;
  /** False once the user has navigated elsewhere: a slow load must then draw nothing. */
  isCurrent(): boolean;
}
