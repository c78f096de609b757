/**
 * `POST /chat/completions`: wires the request translation, the Gemini client and the response
 * translation together, streaming or not.
 * @module
 */

import type { Context } from "../../http/route.ts";
import { readJsonObject } from "../../http/body.ts";
import { firstWithin } from "../../http/first_within.ts";
import { createFileFetcher } from "../../core/remote_file.ts";
import { toChatRequest } from "./request.ts";
import { toChatCompletion } from "./response.ts";
import { toServerSentEvents } from "./sse.ts";
import { ChatCompletionChunkStream } from "./stream.ts";

const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  "x-accel-buffering": "no",
};

/** Answers a chat completion request, as one JSON body or as a `text/event-stream`. */
export async function handleChatCompletions(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const body = await readJsonObject(request, config.maxBodyBytes);
  const chat = await toChatRequest(body, {
    defaultModel: config.defaultModel,
    safetyThreshold: config.safetyThreshold,
    includeThoughts: config.includeThoughts,
    fetchFile: createFileFetcher(config),
    media: config,
  });
  const meta = {
    id: `chatcmpl-${crypto.randomUUID().replaceAll("-", "")}`,
    created: Math.floor(Date.now() / 1000),
    model: chat.model,
    parallelToolCalls: chat.parallelToolCalls,
  };
  if (!chat.stream) {
    return Response.json(
      toChatCompletion(await gemini.generateContent(chat.model, chat.request), meta),
    );
  }
  // Gemini holds its headers until its first output, which long thinking delays: wait for it
  // only as long as a keep-alive interval, so that early failures are still HTTP errors and
  // later ones are reported in the stream, which keep-alives hold open meanwhile.
  const events = await firstWithin(
    gemini.streamGenerateContent(chat.model, chat.request),
    config.keepAliveMs,
  );
  const chunks = events.pipeThrough(
    new ChatCompletionChunkStream({ ...meta, includeUsage: chat.includeUsage }),
  );
  const sse = toServerSentEvents(chunks, {
    keepAliveMs: config.keepAliveMs,
    idleTimeoutMs: config.upstreamTimeoutMs,
  });
  return new Response(sse, { headers: SSE_HEADERS });
}
