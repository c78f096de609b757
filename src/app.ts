/**
 * The gateway's one request handler: CORS, auth, and the route table.
 * @module
 */

import { handleChatCompletions } from "./chat/handler.ts";
import type { Config } from "./config.ts";
import { handleEmbeddings } from "./embeddings/handler.ts";
import { errorResponse, OpenAIError } from "./errors.ts";
import { GeminiClient } from "./gemini/client.ts";
import { apiKeyOf } from "./http/auth.ts";
import { preflight, withCors } from "./http/cors.ts";
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
export type Handler = (request: Request, context: Context) => Response | Promise<Response>;

interface Route {
  method: "GET" | "POST";
  pattern: URLPattern;
  handler: Handler;
}

const routes: Route[] = [
  { method: "GET", pattern: new URLPattern({ pathname: "/models" }), handler: listModels },
  { method: "GET", pattern: new URLPattern({ pathname: "/models/:id+" }), handler: getModel },
  {
    method: "POST",
    pattern: new URLPattern({ pathname: "/chat/completions" }),
    handler: handleChatCompletions,
  },
  {
    method: "POST",
    pattern: new URLPattern({ pathname: "/embeddings" }),
    handler: handleEmbeddings,
  },
];

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

/** Builds the handler `Deno.serve` runs. */
export function createHandler(config: Config): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/{2,}/g, "/");
    if (path === "/ws" || path.startsWith("/ws/")) return proxyLive(request, config);
    if (request.method === "OPTIONS") return preflight(request);
    try {
      return withCors(await route(request, config, path.replace(/^\/v1(?=\/|$)/, "") || "/"));
    } catch (error) {
      if (request.signal.aborted) return new Response(null, { status: 499 });
      return withCors(errorResponse(error));
    }
  };
}

async function route(request: Request, config: Config, path: string): Promise<Response> {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  if (trimmed === "/" && request.method === "GET") return Response.json(DESCRIPTION);
  if (trimmed === "/health" && request.method === "GET") return Response.json({ status: "ok" });
  const matches = routes.flatMap((route) => {
    const match = route.pattern.exec({ pathname: trimmed });
    return match ? [{ route, params: match.pathname.groups as Record<string, string> }] : [];
  });
  const found = matches.find(({ route }) => route.method === request.method);
  if (!found) {
    if (matches.length === 0) {
      throw new OpenAIError(
        404,
        `Unknown route: ${request.method} ${path}`,
        "invalid_request_error",
        null,
        "unknown_route",
      );
    }
    const allow = [...new Set(matches.map(({ route }) => route.method)), "OPTIONS"].join(", ");
    throw new OpenAIError(
      405,
      `Method ${request.method} is not allowed on ${path}; use ${allow}.`,
      "invalid_request_error",
      null,
      "method_not_allowed",
      { allow },
    );
  }
  const gemini = new GeminiClient({
    baseUrl: config.geminiBaseUrl,
    apiVersion: config.geminiApiVersion,
    apiKey: apiKeyOf(request),
    timeoutMs: config.upstreamTimeoutMs,
    signal: request.signal,
  });
  return await found.route.handler(request, { config, params: found.params, gemini });
}
