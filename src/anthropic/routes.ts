/**
 * The Anthropic dialect's routes: the Messages API and its token counting, and the model list for
 * clients that send `anthropic-version`.
 * @module
 */

import { lazy } from "../http/lazy.ts";
import type { Route } from "../http/route.ts";
import { anthropicErrorResponse } from "./errors.ts";

// Handlers are imported on first use (see `lazy`): a fresh process loads only what it serves.
const handler = () => import("./handler.ts");
const getModel = lazy(handler, "getModel");
const handleCountTokens = lazy(handler, "handleCountTokens");
const handleMessages = lazy(handler, "handleMessages");
const listModels = lazy(handler, "listModels");

/** Every Anthropic route, answered in Anthropic's error envelope. */
export const anthropicRoutes: Route[] = [
  { path: "/messages", methods: { POST: handleMessages }, errors: anthropicErrorResponse },
  {
    path: "/messages/count_tokens",
    methods: { POST: handleCountTokens },
    errors: anthropicErrorResponse,
  },
];

/**
 * The model list in Anthropic's shape: served instead of the OpenAI one for requests that carry
 * an `anthropic-version` header.
 */
export const anthropicModelRoutes: Route[] = [
  { path: "/models", methods: { GET: listModels }, errors: anthropicErrorResponse },
  { path: "/models/:id", methods: { GET: getModel }, errors: anthropicErrorResponse },
];
