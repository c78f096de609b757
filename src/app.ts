/**
 * The gateway's one request handler: CORS, auth, and the route table.
 * @module
 */

import { handleChatCompletions } from "./chat/handler.ts";
import type { Config } from "./config.ts";
import { handleEmbeddings } from "./embeddings/handler.ts";
import { errorResponse, invalidRequest, OpenAIError } from "./errors.ts";
import { GeminiClient } from "./gemini/client.ts";
import { apiKeyOf } from "./http/auth.ts";
import { preflight, withCors } from "./http/cors.ts";
import { routedPath } from "./http/path.ts";
import { proxyLive } from "./live/proxy.ts";
import { getModel, listModels } from "./models/handler.ts";

/** What a route handler gets besides the request. */
export interface Context {
  config: Config;
  /** Named path segments of the matched route. */
  params: Record<string, string>;
  /** Gemini, called with the client's key; aborted when the client goes away. */
  gemini: GeminiClient;
}

/** A route's handler. */
type Handler = (request: Request, context: Context) => Response | Promise<Response>;

/** A route: an authenticated handler, or a public answer that needs no key. */
type Route =
  & { method: "GET" | "POST"; pattern: URLPattern }
  & ({ handler: Handler; public?: false } | { handler: () => Response; public: true });

const DESCRIPTION = {
  service: "gemini-openai-gateway",
  description: "OpenAI-compatible API in front of Google Gemini. Send your Gemini API key as a " +
    "Bearer token.",
  endpoints: [
    "GET /v1/models",
    "GET /v1/models/{id}",
    "POST /v1/chat/completions",
    "POST /v1/embeddings",
    "GET /ws (Gemini Live API WebSocket)",
  ],
};

const path = (pathname: string) => new URLPattern({ pathname });

const routes: Route[] = [
  { method: "GET", pattern: path("/"), public: true, handler: () => Response.json(DESCRIPTION) },
  {
    method: "GET",
    pattern: path("/health"),
    public: true,
    handler: () => Response.json({ status: "ok" }),
  },
  { method: "GET", pattern: path("/models"), handler: listModels },
  { method: "GET", pattern: path("/models/:id+"), handler: getModel },
  { method: "POST", pattern: path("/chat/completions"), handler: handleChatCompletions },
  { method: "POST", pattern: path("/embeddings"), handler: handleEmbeddings },
];

/** Builds the handler `Deno.serve` runs. */
export function createHandler(config: Config): (request: Request) => Promise<Response> {
  return async (request) => {
    const pathname = new URL(request.url).pathname;
    const routed = routedPath(pathname);
    if (routed === "/ws" || routed.startsWith("/ws/")) {
      const response = proxyLive(request, config);
      return response.status === 101 ? response : withCors(response);
    }
    if (request.method === "OPTIONS") return preflight(request);
    try {
      return withCors(await route(request, config, routed, pathname));
    } catch (error) {
      if (request.signal.aborted) return new Response(null, { status: 499 });
      return withCors(errorResponse(error));
    }
  };
}

async function route(
  request: Request,
  config: Config,
  routed: string,
  pathname: string,
): Promise<Response> {
  const method = request.method === "HEAD" ? "GET" : request.method;
  const matches = routes.flatMap((route) => {
    const match = route.pattern.exec({ pathname: routed });
    return match ? [{ route, groups: match.pathname.groups }] : [];
  });
  const found = matches.find(({ route }) => route.method === method);
  if (!found) {
    if (matches.length === 0) {
      throw new OpenAIError(
        404,
        `Unknown route: ${request.method} ${pathname}`,
        "invalid_request_error",
        null,
        "unknown_route",
      );
    }
    const allow = [...new Set(matches.map(({ route }) => route.method)), "OPTIONS"].join(", ");
    throw new OpenAIError(
      405,
      `Method ${request.method} is not allowed on ${pathname}; use ${allow}.`,
      "invalid_request_error",
      null,
      "method_not_allowed",
      { allow },
    );
  }
  const { route: { handler, public: open }, groups } = found;
  if (open) return handler();
  const gemini = new GeminiClient({
    baseUrl: config.geminiBaseUrl,
    apiVersion: config.geminiApiVersion,
    apiKey: apiKeyOf(request),
    timeoutMs: config.upstreamTimeoutMs,
    signal: request.signal,
  });
  return await handler(request, { config, params: decodeParams(groups), gemini });
}

/** Path parameters percent-decoded (`models%2Fgemini-2.5-flash` → `models/gemini-2.5-flash`). */
function decodeParams(groups: Record<string, string | undefined>): Record<string, string> {
  try {
    return Object.fromEntries(
      Object.entries(groups).map(([name, value]) => [name, decodeURIComponent(value ?? "")]),
    );
  } catch {
    throw invalidRequest("The request path is not validly percent-encoded.");
  }
}
