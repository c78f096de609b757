/**
 * The gateway's one request handler: CORS, the Live pass-through, and the route table of every
 * dialect.
 * @module
 */

import { anthropicErrorResponse } from "./anthropic/errors.ts";
import { anthropicModelRoutes, anthropicRoutes } from "./anthropic/routes.ts";
import type { Config } from "./config.ts";
import { APIS } from "./console/apis.ts";
import { consoleRoutes } from "./console/routes.ts";
import { GatewayError } from "./core/errors.ts";
import { GeminiClient } from "./gemini/client.ts";
import { ownKey } from "./gemini/key_source.ts";
import { preflight, withCors } from "./http/cors.ts";
import { pathnameOf, routedPath } from "./http/path.ts";
import type { Method, Route } from "./http/route.ts";
import { Router } from "./http/router.ts";
import { Credentials } from "./keys/credentials.ts";
import { keyRoutes } from "./keys/routes.ts";
import { openaiErrorResponse } from "./openai/errors.ts";
import { openaiRoutes } from "./openai/routes.ts";
import { ollamaRoutes } from "./ollama/routes.ts";

const serviceRoutes: Route[] = [
  ...consoleRoutes(APIS, openaiErrorResponse),
  {
    path: "/health",
    methods: { GET: () => Response.json({ status: "ok" }) },
    errors: openaiErrorResponse,
    public: true,
  },
];

const router = new Router([
  ...serviceRoutes,
  ...openaiRoutes,
  ...anthropicRoutes,
  ...ollamaRoutes,
  ...keyRoutes(openaiErrorResponse),
]);

/** Routes answered instead of the main table's for requests with an `anthropic-version` header. */
const anthropicRouter = new Router(anthropicModelRoutes);

/** The Live pass-through, imported on its first connection. */
let live: Promise<typeof import("./live/proxy.ts")> | undefined;

/** Builds the handler `Deno.serve` runs. */
export function createHandler(config: Config): (request: Request) => Promise<Response> {
  const credentials = new Credentials(config);
  const liveKey = (request: Request) => credentials.liveKey(request);
  return async (request) => {
    const pathname = pathnameOf(request.url);
    const routed = routedPath(pathname);
    if (routed === "/ws" || routed.startsWith("/ws/")) {
      const { LIVE_LIMITS, proxyLive } = await (live ??= import("./live/proxy.ts"));
      const response = proxyLive(request, config, LIVE_LIMITS, liveKey);
      return response.status === 101 ? response : withCors(response);
    }
    if (request.method === "OPTIONS") return preflight(request);
    const anthropic = request.headers.has("anthropic-version");
    // An unknown route answers in the shape of the client that asked: Anthropic's SDKs say so.
    let errors = anthropic ? anthropicErrorResponse : openaiErrorResponse;
    try {
      const match = (anthropic && anthropicRouter.match(routed)) || router.match(routed);
      if (!match) {
        throw new GatewayError(
          404,
          `Unknown route: ${request.method} ${pathname}`,
          "invalid_request_error",
          null,
          "unknown_route",
        );
      }
      const { route, params } = match;
      errors = route.errors;
      const method = (request.method === "HEAD" ? "GET" : request.method) as Method;
      const handler = route.methods[method];
      if (!handler) throw methodNotAllowed(request.method, pathname, route);
      const gemini = new GeminiClient({
        baseUrl: config.geminiBaseUrl,
        apiVersion: config.geminiApiVersion,
        keys: route.public ? ownKey("") : credentials.keySource(request),
        timeoutMs: config.upstreamTimeoutMs,
        maxBodyBytes: config.maxUpstreamBodyBytes,
        signal: request.signal,
      });
      return withCors(await handler(request, { config, params, gemini, credentials }));
    } catch (error) {
      if (request.signal.aborted) return new Response(null, { status: 499 });
      return withCors(errors(error));
    }
  };
}

function methodNotAllowed(method: string, pathname: string, route: Route): GatewayError {
  const allow = [...Object.keys(route.methods), "OPTIONS"].join(", ");
  return new GatewayError(
    405,
    `Method ${method} is not allowed on ${pathname}; use ${allow}.`,
    "invalid_request_error",
    null,
    "method_not_allowed",
    { allow },
  );
}
