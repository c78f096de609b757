/**
 * `GET /v1/gateway/keys`: the state of the server's key pool, each key by its fingerprint, for
 * holders of an access token. Without tokens or server keys the route does not exist (404).
 * @module
 */

import { GatewayError } from "../core/errors.ts";
import type { Context, ErrorRenderer, Route } from "../http/route.ts";

async function listKeys(request: Request, { credentials }: Context): Promise<Response> {
  const { pool } = credentials;
  if (!pool || !credentials.tokensRequired) {
    throw new GatewayError(
      404,
      `Unknown route: GET ${new URL(request.url).pathname} (it needs GEMINI_API_KEYS and ` +
        "ACCESS_TOKENS)",
      "invalid_request_error",
      null,
      "unknown_route",
    );
  }
  if (!credentials.presentsToken(request)) {
    throw new GatewayError(
      401,
      "The key pool's state is shown only with an access token: send it as " +
        "'Authorization: Bearer YOUR_TOKEN'.",
      "invalid_request_error",
      null,
      "invalid_access_token",
    );
  }
  return Response.json(
    { object: "list", data: await pool.status() },
    { headers: { "cache-control": "no-store" } },
  );
}

/** The gateway's own routes, answering errors with `errors`. */
export function keyRoutes(errors: ErrorRenderer): Route[] {
  return [{ path: "/gateway/keys", methods: { GET: listKeys }, errors, public: true }];
}
