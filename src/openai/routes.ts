/**
 * The OpenAI dialect's routes: models, chat completions, embeddings, legacy completions, images
 * and audio.
 * @module
 */

import type { Route } from "../http/route.ts";
import { handleChatCompletions } from "./chat/handler.ts";
import { handleSpeech } from "./audio/speech_handler.ts";
import { handleTranscriptions, handleTranslations } from "./audio/transcription_handler.ts";
import { handleCompletions } from "./completions/handler.ts";
import { handleEmbeddings } from "./embeddings/handler.ts";
import { openaiErrorResponse } from "./errors.ts";
import { handleImageEdits, handleImageGenerations } from "./images/handler.ts";
import { getModel, listModels } from "./models/handler.ts";

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
  { path: "/completions", methods: { POST: handleCompletions }, errors: openaiErrorResponse },
  {
    path: "/images/generations",
    methods: { POST: handleImageGenerations },
    errors: openaiErrorResponse,
  },
  { path: "/images/edits", methods: { POST: handleImageEdits }, errors: openaiErrorResponse },
  { path: "/audio/speech", methods: { POST: handleSpeech }, errors: openaiErrorResponse },
  {
    path: "/audio/transcriptions",
    methods: { POST: handleTranscriptions },
    errors: openaiErrorResponse,
  },
  {
    path: "/audio/translations",
    methods: { POST: handleTranslations },
    errors: openaiErrorResponse,
  },
];
