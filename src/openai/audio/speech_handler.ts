/**
 * `POST /audio/speech`: one Gemini call to a speech model, answered with the audio's bytes, or
 * streamed as OpenAI's speech events (`stream_format: "sse"`).
 * @module
 */

import { substitutionHeaders } from "../../core/model_name.ts";
import { streamLimits, streamResponse } from "../../core/stream.ts";
import { readJsonObject } from "../../http/body.ts";
import type { Context } from "../../http/route.ts";
import { SSE_CONTENT_TYPE, SSE_KEEP_ALIVE } from "../../http/sse.ts";
import { SPEECH_CONTENT_TYPES, toSpeechBytes } from "./speech_audio.ts";
import { toSpeechPlan } from "./speech_request.ts";
import { speechEvents, speechOf } from "./speech_response.ts";

/** Answers a speech request. */
export async function handleSpeech(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const body = await readJsonObject(request, config.maxBodyBytes);
  const plan = toSpeechPlan(body, {
    defaultModel: config.defaultSpeechModel,
    modelAliases: config.modelAliases,
  });
  const headers = substitutionHeaders(plan);
  if (plan.sse) {
    return await streamResponse(
      gemini.streamGenerateContent(plan.model, plan.request),
      speechEvents(plan.format),
      { contentType: SSE_CONTENT_TYPE, keepAlive: SSE_KEEP_ALIVE },
      streamLimits(config),
      headers,
    );
  }
  const answer = await gemini.generateContent(plan.model, plan.request);
  const bytes = await toSpeechBytes(speechOf(answer), plan.format);
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { "content-type": SPEECH_CONTENT_TYPES[plan.format], ...headers },
  });
}
