/**
 * The Responses API routes: `POST /responses` (streaming or not), `POST /responses/compact`,
 * `POST /responses/input_tokens`, `GET`
 * and `DELETE /responses/{id}`, `GET /responses/{id}/input_items`, `POST /responses/{id}/cancel`, and the
 * WebSocket upgrade on `GET /responses`, refused so that clients fall back to HTTP at once.
 * @module
 */

import type { Config } from "../../config.ts";
import { GatewayError, invalidRequest } from "../../core/errors.ts";
import { excerpt } from "../../core/excerpt.ts";
import { substitutionHeaders } from "../../core/model_name.ts";
import { createFileFetcher } from "../../core/remote_file.ts";
import { streamLimits, streamResponse, type StreamTranslator } from "../../core/stream.ts";
import { readJsonObject } from "../../http/body.ts";
import { isRecord, optional, readArray } from "../../http/fields.ts";
import type { Context } from "../../http/route.ts";
import { SSE_CONTENT_TYPE, SSE_KEEP_ALIVE, sseEvent } from "../../http/sse.ts";
import { toInputItems } from "./input_items.ts";
import { newId, ResponseBuilder, toResponseError } from "./output.ts";
import { type ResponseRequest, type ResponseRequestOptions, toResponseRequest } from "./request.ts";
import {
  credentialScope,
  type ResponseStore,
  responseStore,
  type StoredResponse,
} from "./store.ts";
import type {
  CompactResource,
  DeletedResponse,
  ResponseItemList,
  ResponseStreamEvent,
  TokenCountsResource,
} from "./types.ts";

/** Answers `POST /responses`, as one JSON body or as a `text/event-stream`. */
export async function createResponse(request: Request, context: Context): Promise<Response> {
  const { config, gemini } = context;
  const { body, scope, store, history } = await readIncoming(request, config);
  const translated = await toResponseRequest(body, requestOptions(config), history);
  const storing = translated.store && store !== undefined;
  const builder = builderFor(translated, storing);
  const input = toInputItems(body.input);
  const save = (response: StoredResponse["response"]) =>
    storing ? store.save(scope, { response, input, context: [...history, ...input] }) : undefined;
  const headers = substitutionHeaders(translated);

  if (!translated.stream) {
    builder.push(await gemini.generateContent(translated.model, translated.request));
    const response = builder.finish();
    await save(response);
    return Response.json(response, { headers });
  }
  builder.start();
  const events = () => builder.take().map(eventText).join("");
  const translator: StreamTranslator = {
    next: (response) => {
      builder.push(response);
      return events();
    },
    end: () => {
      save(builder.finish());
      return events();
    },
    fail: (error) => {
      builder.fail(error);
      return events();
    },
  };
  try {
    return await streamResponse(
      gemini.streamGenerateContent(translated.model, translated.request),
      translator,
      { contentType: SSE_CONTENT_TYPE, keepAlive: SSE_KEEP_ALIVE },
      streamLimits(config),
      headers,
    );
  } catch (error) {
    const failure = failureInStream(request, error);
    if (!failure) throw error;
    return new Response(translator.fail(failure), {
      headers: { "content-type": SSE_CONTENT_TYPE, "cache-control": "no-cache", ...headers },
    });
  }
}

/**
 * One stream event as SSE, as `sseEvent(event, event.type)` writes it: text deltas (most of a
 * stream) from constant parts around their text, and the same `response` object (the two opening
 * events) serialized once.
 */
function eventText(event: ResponseStreamEvent): string {
  const { type } = event;
  if (type === "response.output_text.delta") {
    return `event: ${type}\ndata: {"type":"${type}","item_id":"${event.item_id}","output_index":${event.output_index},"content_index":${event.content_index},"delta":${
      JSON.stringify(event.delta)
    },"logprobs":[],"sequence_number":${event.sequence_number}}\n\n`;
  }
  if (type === "response.reasoning_summary_text.delta") {
    return `event: ${type}\ndata: {"type":"${type}","item_id":"${event.item_id}","output_index":${event.output_index},"summary_index":${event.summary_index},"delta":${
      JSON.stringify(event.delta)
    },"sequence_number":${event.sequence_number}}\n\n`;
  }
  if (type === "response.created" || type === "response.in_progress") {
    const { response } = event;
    if (response !== opening.response) opening = { response, json: JSON.stringify(response) };
    const text =
      `event: ${type}\ndata: {"type":"${type}","response":${opening.json},"sequence_number":${event.sequence_number}}\n\n`;
    if (type === "response.in_progress") opening = { response: undefined, json: "" };
    return text;
  }
  return sseEvent(event, type);
}

/** The opening `response` of the stream being serialized, and its JSON. */
let opening: { response: object | undefined; json: string } = { response: undefined, json: "" };

/** The codes Codex acts on only when they end a stream (an HTTP error is just a bad request). */
const CODEX_STREAM_CODES = ["insufficient_quota", "context_length_exceeded"];

/**
 * The failure to end a stream with, for a failure before the stream began that Codex should see
 * as `response.failed` rather than as an HTTP error; undefined for any other client or failure.
 *
 * Codex recognises a full context window and an exhausted quota only in a stream: as HTTP errors
 * they would be a bad request it cannot act on, and a 429 it retries in vain. A rate limit stays
 * an HTTP 429, whose `retry-after` Codex waits, as the SDKs do.
 */
function failureInStream(request: Request, error: unknown): GatewayError | undefined {
  if (!(error instanceof GatewayError) || !isCodex(request)) return undefined;
  return CODEX_STREAM_CODES.includes(toResponseError(error).code) ? error : undefined;
}

/** Whether `request` comes from Codex (CLI, exec, IDE extension): its `originator` header. */
function isCodex(request: Request): boolean {
  const originator = request.headers.get("originator") ?? request.headers.get("user-agent") ?? "";
  return originator.toLowerCase().startsWith("codex");
}

/**
 * Answers `POST /responses/compact`: the conversation of `input` (after `previous_response_id`'s)
 * summarized by Gemini into one `compaction` item, as a `response.compaction` object.
 */
export async function compactResponse(request: Request, context: Context): Promise<Response> {
  const { config, gemini } = context;
  const { body, history } = await readIncoming(request, config);
  const input = typeof body.input === "string"
    ? [{ role: "user", content: body.input }]
    : optional(body.input, "input", readArray) ?? [];
  const translated = await toResponseRequest(
    { ...body, input: [...input, { type: "compaction_trigger" }], stream: false, store: false },
    requestOptions(config),
    history,
  );
  const builder = builderFor(translated, false);
  builder.push(await gemini.generateContent(translated.model, translated.request));
  const response = builder.finish();
  const compacted: CompactResource = {
    id: response.id,
    object: "response.compaction",
    created_at: response.created_at,
    output: response.output,
    usage: response.usage!,
  };
  return Response.json(compacted, { headers: substitutionHeaders(translated) });
}

/**
 * Answers `POST /responses/input_tokens`: Gemini's `countTokens` of what the request would send
 * (after `previous_response_id`'s conversation).
 */
export async function countInputTokens(request: Request, context: Context): Promise<Response> {
  const { config, gemini } = context;
  const { body, history } = await readIncoming(request, config);
  const translated = await toResponseRequest(
    { ...body, stream: false },
    requestOptions(config),
    history,
  );
  const { contents, systemInstruction, tools, toolConfig } = translated.request;
  const counted = await gemini.countTokens(translated.model, {
    contents,
    ...(systemInstruction && { systemInstruction }),
    ...(tools && { tools }),
    ...(toolConfig && { toolConfig }),
  });
  const answer: TokenCountsResource = {
    object: "response.input_tokens",
    input_tokens: counted.totalTokens ?? 0,
  };
  return Response.json(answer, { headers: substitutionHeaders(translated) });
}

/** A request's body, its credential's scope, the store if responses can be kept, its history. */
interface Incoming {
  body: Record<string, unknown>;
  scope: string;
  store?: ResponseStore;
  /** The conversation `previous_response_id` continues (none without one). */
  history: unknown[];
}

async function readIncoming(request: Request, config: Config): Promise<Incoming> {
  const body = await readJsonObject(request, config.maxBodyBytes);
  const configured = responseStore(config);
  const store = configured && await configured.available() ? configured : undefined;
  // The credential's hash (a digest per request) only when responses are kept or read.
  const keeps = body.store !== false || typeof body.previous_response_id === "string";
  const scope = store && keeps ? await credentialScope(request) : "";
  return { body, scope, store, history: await historyOf(body.previous_response_id, store, scope) };
}

/** The builder of the answer to `translated`, saying whether it is stored. */
function builderFor(translated: ResponseRequest, stored: boolean): ResponseBuilder {
  return new ResponseBuilder({
    id: newId("resp"),
    createdAt: Math.floor(Date.now() / 1000),
    model: translated.model,
    echo: { ...translated.echo, store: stored },
    names: translated.names,
    includeEncrypted: translated.includeEncrypted,
    parallelToolCalls: translated.parallelToolCalls,
    compaction: translated.compaction,
  });
}

/**
 * The items of the conversation that `previousId` (`previous_response_id`) continues: its
 * context, then its output. A 400 when nothing is stored, a 404 for an id unknown to `scope`.
 */
async function historyOf(
  previousId: unknown,
  store: ResponseStore | undefined,
  scope: string,
): Promise<unknown[]> {
  if (typeof previousId !== "string" || !previousId) return [];
  if (!store) {
    throw invalidRequest(
      "previous_response_id needs stored responses, and this gateway keeps none: send the " +
        "whole conversation in 'input' instead.",
      "previous_response_id",
      "previous_response_not_found",
    );
  }
  const previous = await store.get(scope, previousId);
  if (!previous) {
    throw new GatewayError(
      404,
      `Previous response with id '${excerpt(previousId)}' not found.`,
      "invalid_request_error",
      "previous_response_id",
      "previous_response_not_found",
    );
  }
  return [...previous.context, ...previous.response.output];
}

/**
 * Answers `GET /responses`, where Codex asks for a WebSocket: 426, so that it uses HTTP
 * (`POST /responses`) right away instead of retrying the upgrade.
 */
export function refuseWebSocket(): Response {
  throw new GatewayError(
    426,
    "This gateway serves the Responses API over HTTP only: use POST /v1/responses.",
    "invalid_request_error",
    null,
    "websocket_not_supported",
    { connection: "close" },
  );
}

/** `GET /responses/{id}` and `GET /responses/{id}/input_items`. */
export async function getResponse(request: Request, context: Context): Promise<Response> {
  const { id, action } = pathOf(context.params.id);
  if (action !== "" && action !== "input_items") throw unknownPath(request);
  if (action === "" && new URL(request.url).searchParams.get("stream") === "true") {
    throw invalidRequest(
      "Streaming a stored response is not supported: retrieve it without stream=true.",
      "stream",
      "unsupported_parameter",
    );
  }
  const stored = await load(request, context, id);
  if (action === "") return Response.json(stored.response);
  return Response.json(listInputItems(stored.input, new URL(request.url).searchParams));
}

/** `DELETE /responses/{id}`. */
export async function deleteResponse(request: Request, context: Context): Promise<Response> {
  const { id, action } = pathOf(context.params.id);
  if (action !== "") throw unknownPath(request);
  const store = responseStore(context.config);
  if (!store || !await store.delete(await credentialScope(request), id)) throw notFound(id);
  const deleted: DeletedResponse = { id, object: "response", deleted: true };
  return Response.json(deleted);
}

/** `POST /responses/{id}/cancel`: only background responses can be, and there are none. */
export async function cancelResponse(request: Request, context: Context): Promise<Response> {
  const { id, action } = pathOf(context.params.id);
  if (action !== "cancel") throw unknownPath(request);
  await load(request, context, id);
  throw invalidRequest(
    "Only responses created with background=true can be cancelled; this response is complete.",
    null,
    "response_not_cancellable",
  );
}

function requestOptions(config: Config): ResponseRequestOptions {
  return {
    defaultModel: config.defaultModel,
    modelAliases: config.modelAliases,
    safetyThreshold: config.safetyThreshold,
    includeThoughts: config.includeThoughts,
    fetchFile: createFileFetcher(config),
    media: config,
  };
}

function pathOf(rest: string | undefined): { id: string; action: string } {
  const [id, ...action] = (rest ?? "").split("/");
  return { id, action: action.join("/") };
}

async function load(request: Request, { config }: Context, id: string): Promise<StoredResponse> {
  const store = responseStore(config);
  const stored = store && await store.get(await credentialScope(request), id);
  if (!stored) throw notFound(id);
  return stored;
}

function notFound(id: string): GatewayError {
  return new GatewayError(
    404,
    `No response with id '${
      id.slice(0, 100)
    }' was found (responses are kept only with store: true, for the key that made them).`,
    "invalid_request_error",
    null,
    "response_not_found",
  );
}

function unknownPath(request: Request): GatewayError {
  return new GatewayError(
    404,
    `Unknown route: ${request.method} ${new URL(request.url).pathname}`,
    "invalid_request_error",
    null,
    "unknown_route",
  );
}

/** A page of `items` as `input_items` lists them: `limit` (1–100, 20), `order`, `after`. */
function listInputItems(
  items: Record<string, unknown>[],
  query: URLSearchParams,
): ResponseItemList {
  const limit = Number(query.get("limit") ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw invalidRequest("Invalid 'limit': expected an integer from 1 to 100.", "limit");
  }
  const order = query.get("order") ?? "desc";
  if (order !== "asc" && order !== "desc") {
    throw invalidRequest("Invalid 'order': expected asc or desc.", "order");
  }
  let list = order === "asc" ? items : [...items].reverse();
  const after = query.get("after");
  if (after) list = list.slice(list.findIndex((item) => isRecord(item) && item.id === after) + 1);
  const data = list.slice(0, limit);
  return {
    object: "list",
    data,
    first_id: String(data[0]?.id ?? ""),
    last_id: String(data.at(-1)?.id ?? ""),
    has_more: list.length > limit,
  };
}
