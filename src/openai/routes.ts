/**
 * The OpenAI dialect's routes: models, chat completions, embeddings, responses.
 * @module
 */

import type { Route } from "../http/route.ts";
import { handleChatCompletions } from "./chat/handler.ts";
import { handleEmbeddings } from "./embeddings/handler.ts";
import { openaiErrorResponse } from "./errors.ts";
import { getModel, listModels } from "./models/handler.ts";
import {
  cancelResponse,
  compactResponse,
  countInputTokens,
  createResponse,
  deleteResponse,
  getResponse,
  refuseWebSocket,
} from "./responses/handler.ts";

/** Every OpenAI route, answered in OpenAI's error envelope. */
export const openaiRoutes: Route[] = [
  { path: "/models", methods: { GET: listModels }, errors: openaiErrorResponse },
  { path: "/models/:id", methods: { GET: getModel }, errors: openaiErrorResponse },
  {
    path: "/chat/completions",
    methods: { POST: handleChatCompletions },
    errors: openaiErrorResponse,
  },
  { path: "/embeddings", methods: { POST: handleEmbeddings }, errors: openaiErrorResponse },
  {
    path: "/responses",
    methods: { POST: createResponse, GET: refuseWebSocket },
    errors: openaiErrorResponse,
  },
  { path: "/responses/compact", methods: { POST: compactResponse }, errors: openaiErrorResponse },
  {
    path: "/responses/input_tokens",
    methods: { POST: countInputTokens },
    errors: openaiErrorResponse,
  },
  {
    path: "/responses/:id",
    methods: { GET: getResponse, DELETE: deleteResponse, POST: cancelResponse },
    errors: openaiErrorResponse,
  },
];
