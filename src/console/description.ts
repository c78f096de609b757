/**
 * The JSON description of the service at `GET /`: its version, the APIs it serves, and whether
 * server keys and access tokens are configured (never a key or a token).
 * @module
 */

import { GATEWAY_VERSION } from "../version.ts";
import type { ApiDescription } from "./apis.ts";

/** What the gateway's credentials look like from outside: booleans only. */
export interface KeyState {
  /** The gateway holds Gemini keys of its own (`GEMINI_API_KEYS`). */
  serverKeys: boolean;
  /** Access tokens are configured (`ACCESS_TOKENS`): the server keys serve token holders. */
  accessTokens: boolean;
}

/** The body of `GET /` for `Accept: application/json`. */
export interface ServiceDescription extends KeyState {
  service: "gemini-openai-gateway";
  version: string;
  description: string;
  apis: ApiDescription[];
  /** Every route, `METHOD /path`, flattened from `apis`. */
  endpoints: string[];
  /** The browser console's URL path. */
  console: "/";
}

/** The description of a gateway serving `apis` with `keys`. */
export function describeService(
  apis: readonly ApiDescription[],
  keys: KeyState,
): ServiceDescription {
  return {
    service: "gemini-openai-gateway",
    version: GATEWAY_VERSION,
    description: "OpenAI-compatible API (and more) in front of Google Gemini. Send your Gemini " +
      "API key (or this gateway's access token) as a Bearer token. Open / in a browser for the " +
      "console.",
    apis: [...apis],
    endpoints: apis.flatMap((api) => api.endpoints),
    console: "/",
    ...keys,
  };
}
