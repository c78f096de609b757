/**
 * Finding a request's route: one map lookup for exact paths, a prefix check for the few routes
 * with a trailing parameter.
 * @module
 */

import { invalidRequest } from "../core/errors.ts";
import type { Route } from "./route.ts";

/** A matched route and its path parameters. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Matches routed paths (see `routedPath`) against `routes`. */
export class Router {
  readonly #exact = new Map<string, Route>();
  readonly #prefixed: { prefix: string; name: string; route: Route }[] = [];

  constructor(routes: Route[]) {
    for (const route of routes) {
      const parameter = /^(.*\/):(\w+)$/.exec(route.path);
      if (parameter) this.#prefixed.push({ prefix: parameter[1], name: parameter[2], route });
      else this.#exact.set(route.path, route);
    }
  }

  /**
   * The route of `path`, if any. A parameter is percent-decoded (`models%2Fx` → `models/x`) and
   * never empty; a malformed encoding is a 400.
   */
  match(path: string): RouteMatch | undefined {
    const route = this.#exact.get(path);
    if (route) return { route, params: {} };
    for (const { prefix, name, route } of this.#prefixed) {
      if (path.length > prefix.length && path.startsWith(prefix)) {
        return { route, params: { [name]: decode(path.slice(prefix.length)) } };
      }
    }
    return undefined;
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidRequest("The request path is not validly percent-encoded.");
  }
}
