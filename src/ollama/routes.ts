/**
 * The Ollama dialect's routes, under `/api/`, answered in Ollama's error shape. Any other path
 * under `/api` is a 404 in that shape.
 * @module
 */

import { GatewayError } from "../core/errors.ts";
import type { Handler, Route } from "../http/route.ts";
import { handleEmbed, handleEmbeddings } from "./embed_handler.ts";
import { ollamaErrorResponse } from "./errors.ts";
import { handleChat, handleGenerate } from "./generation_handler.ts";
import { copy, create, push, remove } from "./management.ts";
import { listRunning, listTags, pullModel, showModel } from "./models_handler.ts";
import { version } from "./version.ts";

const errors = ollamaErrorResponse;

const unknown: Handler = (request) => {
  throw new GatewayError(
    404,
    `Unknown route: ${request.method} ${new URL(request.url).pathname}`,
    "invalid_request_error",
    null,
    "unknown_route",
  );
};

/** Every Ollama route. */
export const ollamaRoutes: Route[] = [
  { path: "/api/version", methods: { GET: version }, errors, public: true },
  { path: "/api/tags", methods: { GET: listTags }, errors },
  { path: "/api/ps", methods: { GET: listRunning }, errors },
  { path: "/api/show", methods: { POST: showModel }, errors },
  { path: "/api/chat", methods: { POST: handleChat }, errors },
  { path: "/api/generate", methods: { POST: handleGenerate }, errors },
  { path: "/api/embed", methods: { POST: handleEmbed }, errors },
  { path: "/api/embeddings", methods: { POST: handleEmbeddings }, errors },
  { path: "/api/pull", methods: { POST: pullModel }, errors },
  { path: "/api/push", methods: { POST: push }, errors },
  { path: "/api/create", methods: { POST: create }, errors },
  { path: "/api/blobs/:digest", methods: { GET: create, POST: create }, errors },
  { path: "/api/copy", methods: { POST: copy }, errors },
  { path: "/api/delete", methods: { DELETE: remove }, errors },
  { path: "/api", methods: { GET: unknown, POST: unknown, DELETE: unknown }, errors },
  { path: "/api/:path", methods: { GET: unknown, POST: unknown, DELETE: unknown }, errors },
];
