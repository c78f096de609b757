/**
 * The Ollama dialect's routes, under `/api/`, answered in Ollama's error shape. Any other path
 * under `/api` is a 404 in that shape.
 * @module
 */

import { GatewayError } from "../core/errors.ts";
import { lazy } from "../http/lazy.ts";
import type { Handler, Route } from "../http/route.ts";
import { ollamaErrorResponse } from "./errors.ts";
import { version } from "./version.ts";

// Handlers are imported on first use (see `lazy`): a fresh process loads only what it serves.
const embed = () => import("./embed_handler.ts");
const generation = () => import("./generation_handler.ts");
const management = () => import("./management.ts");
const models = () => import("./models_handler.ts");
const handleEmbed = lazy(embed, "handleEmbed");
const handleEmbeddings = lazy(embed, "handleEmbeddings");
const handleChat = lazy(generation, "handleChat");
const handleGenerate = lazy(generation, "handleGenerate");
const copy = lazy(management, "copy");
const create = lazy(management, "create");
const push = lazy(management, "push");
const remove = lazy(management, "remove");
const listRunning = lazy(models, "listRunning");
const listTags = lazy(models, "listTags");
const pullModel = lazy(models, "pullModel");
const showModel = lazy(models, "showModel");

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
