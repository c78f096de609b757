/**
 * The Anthropic dialect's routes: the Messages API and its token counting.
 * @module
 */

import type { Route } from "../http/route.ts";
import { anthropicErrorResponse } from "./errors.ts";
import { handleCountTokens, handleMessages } from "./handler.ts";

/** Every Anthropic route, answered in Anthropic's error envelope. */
export const anthropicRoutes: Route[] = [
  { path: "/messages", methods: { POST: handleMessages }, errors: anthropicErrorResponse },
  {
    path: "/messages/count_tokens",
    methods: { POST: handleCountTokens },
    errors: anthropicErrorResponse,
  },
];
