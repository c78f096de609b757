/**
 * The OpenAI dialect's routes: models, chat completions, embeddings, responses, legacy
 * completions, images and audio.
 * @module
 */

import { lazy } from "../http/lazy.ts";
import type { Route } from "../http/route.ts";
import { openaiErrorResponse } from "./errors.ts";

// Handlers are imported on first use (see `lazy`): a fresh process loads only what it serves.
const chat = () => import("./chat/handler.ts");
const speech = () => import("./audio/speech_handler.ts");
const transcription = () => import("./audio/transcription_handler.ts");
const completions = () => import("./completions/handler.ts");
const embeddings = () => import("./embeddings/handler.ts");
const images = () => import("./images/handler.ts");
const models = () => import("./models/handler.ts");
const responses = () => import("./responses/handler.ts");
const handleChatCompletions = lazy(chat, "handleChatCompletions");
const handleSpeech = lazy(speech, "handleSpeech");
const handleTranscriptions = lazy(transcription, "handleTranscriptions");
const handleTranslations = lazy(transcription, "handleTranslations");
const handleCompletions = lazy(completions, "handleCompletions");
const handleEmbeddings = lazy(embeddings, "handleEmbeddings");
const handleImageEdits = lazy(images, "handleImageEdits");
const handleImageGenerations = lazy(images, "handleImageGenerations");
const getModel = lazy(models, "getModel");
const listModels = lazy(models, "listModels");
const cancelResponse = lazy(responses, "cancelResponse");
const compactResponse = lazy(responses, "compactResponse");
const countInputTokens = lazy(responses, "countInputTokens");
const createResponse = lazy(responses, "createResponse");
const deleteResponse = lazy(responses, "deleteResponse");
const getResponse = lazy(responses, "getResponse");
const refuseWebSocket = lazy(responses, "refuseWebSocket");

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
