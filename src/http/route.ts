/**
 * What a route is: handlers by method, and the dialect that answers its errors.
 * @module
 */

import type { Config } from "../config.ts";
import type { GeminiClient } from "../gemini/client.ts";
import type { Credentials } from "../keys/credentials.ts";

/** What a route handler gets besides the request. */
export interface Context {
  config: Config;
  /** Named path segments of the matched route, percent-decoded. */
  params: Record<string, string>;
  /** Gemini, called with the request's credential; aborted when the client goes away. */
  gemini: GeminiClient;
  /** The server's keys and access tokens. */
  credentials: Credentials;
}

/** A route's handler. */
export type Handler = (request: Request, context: Context) => Response | Promise<Response>;

/** Answers any failure in one dialect's error shape (a non-gateway error is a 500). */
export type ErrorRenderer = (error: unknown) => Response;

/** The methods a route may answer; `HEAD` is answered as `GET`. */
export type Method = "GET" | "POST" | "DELETE";

/** One path of the route table. */
export interface Route {
  /**
   * The routed path (see `routedPath`): exact, or ending in `/:name` to take the rest of the
   * path, slashes included, as the parameter `name`.
   */
  path: string;
  /** Handlers by method. */
  methods: Partial<Record<Method, Handler>>;
  /** Answers this route's errors, its 404s and 405s included. */
  errors: ErrorRenderer;
  /** Served without a credential, and so without calling Gemini. */
  public?: boolean;
}
