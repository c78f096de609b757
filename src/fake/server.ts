/**
 * A fake Gemini API on loopback that speaks the real wire format: the REST model methods, with
 * scripted replies for tests, and the Live WebSocket endpoint under `/ws/`.
 * @module
 */

import type { GeminiErrorBody } from "../gemini/types.ts";
import { keyRefusal, requestKey } from "./auth.ts";
import {
  batchEmbedContents,
  countTokens,
  embedContent,
  generateChunks,
  generateContent,
} from "./generate.ts";
import { modelId } from "../core/model_name.ts";
import { serveLive } from "./live.ts";
import { findModel, listModels, servingModel, supportsMethod } from "./models.ts";
import {
  validateBatchEmbedContents,
  validateCountTokens,
  validateEmbedContent,
  validateGenerateContent,
  type Validation,
} from "./validate.ts";
import {
  canonicalError,
  errorBody,
  JSON_ARRAY_END,
  jsonArray,
  jsonArrayElement,
  modelNotFoundError,
  prettyJson,
  sseEvent,
} from "./wire.ts";

/** A request the fake received. */
export interface RecordedRequest {
  method: string;
  /** e.g. `/v1beta/models/gemini-2.5-flash:streamGenerateContent` */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** The parsed JSON body, or `undefined` (no body, or not JSON). */
  body: unknown;
}

/** A scripted answer to the next model-method request. */
export type FakeReply =
  /** A pretty-printed JSON body. */
  | { json: unknown; status?: number }
  /**
   * A stream, one event per chunk (SSE with `alt=sse`, JSON-array framing without); `error` is
   * sent in-band after the chunks; `delayMs` between events.
   */
  | { chunks: unknown[]; error?: unknown; delayMs?: number }
  /**
   * A recorded body replayed byte for byte, after `delayMs`; with `split: "sse"` it is written
   * event by event (cut after each blank line), `delayMs` apart. The content type defaults to
   * `text/event-stream` for SSE and JSON otherwise.
   */
  | {
    raw: string | Uint8Array;
    status?: number;
    contentType?: string;
    delayMs?: number;
    split?: "sse";
    /** Cut the connection after the body instead of ending it (a reset, a truncated body). */
    reset?: true;
  }
  /** A redirect (302 unless `status` says otherwise) to `redirect`, e.g. another origin. */
  | { redirect: string; status?: number }
  /**
   * A body of `gigantic` bytes, made as it is sent: a `generateContent` answer (one SSE event of
   * it for `alt=sse`) whose text fills the size, or with an error `status`, an error whose message
   * does.
   */
  | { gigantic: number; status?: number }
  /** The real error body for that HTTP status, sent the way Gemini sends it for the request. */
  | { error: number }
  /** Never answers (the client has to give up); released when the fake closes. */
  | { hang: true };

/** A running fake Gemini. */
export interface FakeGemini {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request received, in order (WebSocket upgrades excepted; none if `record: false`). */
  requests: RecordedRequest[];
  /** Queues scripted replies, consumed first in, first out, one per model-method request. */
  reply(...replies: FakeReply[]): void;
  /** Stops the server, ending streams and hanging replies. */
  close(): Promise<void>;
}

/** Which model method a request calls, parsed from its path. */
interface Route {
  version: string;
  /** The model id, without `models/`; empty for `models.list`. */
  model: string;
  method: string;
}

/** The model methods, each with the method a model must list to serve it. */
const SERVED_AS: Record<string, string> = {
  generateContent: "generateContent",
  streamGenerateContent: "generateContent",
  countTokens: "countTokens",
  embedContent: "embedContent",
  batchEmbedContents: "embedContent",
};

const ROUTE = /^\/(v1beta|v1|v1alpha)\/models(?:\/([^/:]+)(?::([A-Za-z]+))?)?$/;

function route(method: string, path: string): Route | undefined {
  const match = ROUTE.exec(path);
  if (!match) return undefined;
  const [, version, encoded, action] = match;
  const model = encoded ? decodeURIComponent(encoded) : "";
  if (method === "GET" && !action) return { version, model, method: model ? "get" : "list" };
  if (method === "POST" && model && Object.hasOwn(SERVED_AS, action)) {
    return { version, model, method: action };
  }
  return undefined;
}

/** How a response body is framed: plain JSON, SSE, or a JSON array. */
type Framing = "json" | "sse" | "array";

const JSON_TYPE = "application/json; charset=UTF-8";

function headers(started: number, contentType: string): Headers {
  const result = new Headers({
    "content-type": contentType,
    vary: "Origin, X-Origin, Referer",
    server: "scaffolding on HTTPServer2",
    "server-timing": `gfet4t7; dur=${Math.round(performance.now() - started)}`,
    "x-content-type-options": "nosniff",
    "x-frame-options": "SAMEORIGIN",
    "x-xss-protection": "0",
    "alt-svc": 'h3=":443"; ma=2592000,h3-29=":443"; ma=2592000',
  });
  if (contentType.startsWith("text/event-stream")) {
    result.set("content-disposition", "attachment");
  }
  return result;
}

/** Waits `ms`, or less if `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

const encoder = new TextEncoder();

/**
 * A body that writes each piece as soon as it is due: `delayMs` apart (and before the first
 * too when `delayFirst`); it ends early when `signal` aborts. With `reset`, the connection is cut
 * after the last piece instead.
 */
function paced(
  pieces: (string | Uint8Array)[],
  delayMs: number,
  signal: AbortSignal,
  delayFirst = false,
  reset = false,
): ReadableStream<Uint8Array> {
  let index = 0;
  const cancelled = new AbortController();
  const stop = AbortSignal.any([signal, cancelled.signal]);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (index < pieces.length && (index > 0 || delayFirst)) await sleep(delayMs, stop);
      if (stop.aborted || index >= pieces.length) {
        if (reset && !stop.aborted) controller.error(new Error("connection reset by the fake"));
        else controller.close();
        return;
      }
      const piece = pieces[index++];
      controller.enqueue(typeof piece === "string" ? encoder.encode(piece) : piece);
    },
    cancel() {
      cancelled.abort();
    },
  }, { highWaterMark: 0 });
}

/** How much of a gigantic body is written at once. */
const GIGANTIC_CHUNK = encoder.encode("a".repeat(64 * 1024));

/**
 * `size` bytes (at least the framing's) of `head`, then filler, then `tail`, made as they are
 * sent so that the fake itself does not hold them.
 */
function gigantic(head: string, tail: string, size: number): ReadableStream<Uint8Array> {
  const [start, end] = [encoder.encode(head), encoder.encode(tail)];
  let filler = Math.max(0, size - start.length - end.length);
  let stage = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === 0) {
        stage = 1;
        controller.enqueue(start);
      } else if (filler > 0) {
        const chunk = GIGANTIC_CHUNK.subarray(0, Math.min(filler, GIGANTIC_CHUNK.length));
        filler -= chunk.length;
        controller.enqueue(chunk);
      } else {
        controller.enqueue(end);
        controller.close();
      }
    },
  }, { highWaterMark: 0 });
}

/** Cuts an SSE body after each event's blank line (`\r\n\r\n` or `\n\n`), bytes untouched. */
function sseEvents(bytes: Uint8Array): Uint8Array[] {
  const events: Uint8Array[] = [];
  let start = 0;
  for (let index = 0; index < bytes.length; index++) {
    const crlf = bytes[index] === 13 && bytes[index + 1] === 10 && bytes[index + 2] === 13 &&
      bytes[index + 3] === 10;
    const lf = bytes[index] === 10 && bytes[index + 1] === 10;
    if (!crlf && !lf) continue;
    const end = index + (crlf ? 4 : 2);
    events.push(bytes.subarray(start, end));
    start = end;
    index = end - 1;
  }
  if (start < bytes.length) events.push(bytes.subarray(start));
  return events;
}

function parseBody(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Where the fake listens, and whether it keeps {@linkcode FakeGemini.requests}. */
export interface FakeGeminiOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  hostname?: string;
  /** Default true; a long-running fake turns it off to keep its memory flat. */
  record?: boolean;
}

/** Starts a fake Gemini on `hostname:port` (default 127.0.0.1 and a free port). */
export function startFakeGemini(options: FakeGeminiOptions = {}): FakeGemini {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  const closing = new AbortController();

  function errorResponse(
    started: number,
    body: GeminiErrorBody,
    framing: Framing,
  ): Response {
    const status = body.error.code;
    if (framing === "sse") {
      return new Response(prettyJson(body), {
        status,
        headers: headers(started, "text/event-stream"),
      });
    }
    const text = framing === "array" ? jsonArray([body]) : prettyJson(body);
    return new Response(text, { status, headers: headers(started, JSON_TYPE) });
  }

  function jsonResponse(started: number, body: unknown, status = 200): Response {
    return new Response(prettyJson(body), { status, headers: headers(started, JSON_TYPE) });
  }

  function streamResponse(
    started: number,
    chunks: unknown[],
    framing: Framing,
    inBandError?: unknown,
    delayMs = 0,
  ): Response {
    const events = inBandError === undefined ? chunks : [...chunks, inBandError];
    const pieces = framing === "sse"
      ? events.map(sseEvent)
      : events.length
      ? [...events.map(jsonArrayElement), JSON_ARRAY_END]
      : ["[]"];
    const contentType = framing === "sse" ? "text/event-stream" : JSON_TYPE;
    return new Response(paced(pieces, delayMs, closing.signal), {
      headers: headers(started, contentType),
    });
  }

  /**
   * A reply that never comes. `request.signal` is left alone (reading it makes Deno warn about
   * its legacy abort); the handler is released when the fake closes.
   */
  function hang(): Promise<Response> {
    return new Promise((resolve) => {
      const done = () => resolve(new Response(null, { status: 499 }));
      if (closing.signal.aborted) done();
      else closing.signal.addEventListener("abort", done, { once: true });
    });
  }

  function scripted(
    started: number,
    reply: FakeReply,
    framing: Framing,
  ): Response | Promise<Response> {
    if ("hang" in reply) return hang();
    if ("redirect" in reply) {
      return new Response(null, {
        status: reply.status ?? 302,
        headers: { location: reply.redirect },
      });
    }
    if ("gigantic" in reply) {
      const status = reply.status ?? 200;
      const [head, tail] = status >= 400
        ? [`{"error":{"code":${status},"message":"`, '","status":"INTERNAL"}}']
        : ['{"candidates":[{"content":{"role":"model","parts":[{"text":"', '"}]}}]}'];
      const sse = framing === "sse" && status < 400;
      return new Response(
        gigantic(sse ? `data: ${head}` : head, sse ? `${tail}\r\n\r\n` : tail, reply.gigantic),
        { status, headers: headers(started, sse ? "text/event-stream" : JSON_TYPE) },
      );
    }
    if ("json" in reply) return jsonResponse(started, reply.json, reply.status);
    if ("chunks" in reply) {
      return streamResponse(
        started,
        reply.chunks,
        framing === "sse" ? "sse" : "array",
        reply.error,
        reply.delayMs,
      );
    }
    if ("raw" in reply) {
      const bytes = typeof reply.raw === "string" ? encoder.encode(reply.raw) : reply.raw;
      const looksSse = reply.split === "sse" ||
        new TextDecoder().decode(bytes.subarray(0, 5)) === "data:";
      const contentType = reply.contentType ?? (looksSse ? "text/event-stream" : JSON_TYPE);
      const body = reply.split === "sse"
        ? paced(sseEvents(bytes), reply.delayMs ?? 0, closing.signal, false, reply.reset)
        : paced([bytes], reply.delayMs ?? 0, closing.signal, true, reply.reset);
      return new Response(body, {
        status: reply.status ?? 200,
        headers: headers(started, contentType),
      });
    }
    return errorResponse(started, canonicalError(reply.error), framing);
  }

  function unwrap<T>(
    started: number,
    result: Validation<T>,
    framing: Framing,
    answer: (request: T) => Response,
  ): Response {
    return "error" in result
      ? errorResponse(started, result.error, framing)
      : answer(result.request);
  }

  /** The default answer to a model method, after auth and without a scripted reply. */
  function answer(
    started: number,
    target: Route,
    body: unknown,
    url: URL,
    framing: Framing,
  ): Response {
    const { version, model: id, method } = target;
    if (method === "list") {
      const size = url.searchParams.get("pageSize") ?? url.searchParams.get("page_size") ?? "0";
      if (!/^-?\d+$/.test(size)) {
        return errorResponse(
          started,
          errorBody(400, `Invalid value at 'page_size' (TYPE_INT32), "${size}"`),
          framing,
        );
      }
      const token = url.searchParams.get("pageToken") ?? url.searchParams.get("page_token") ?? "";
      const page = listModels(Number(size), token);
      return page
        ? jsonResponse(started, page)
        : errorResponse(started, errorBody(400, "Invalid page token."), framing);
    }
    const model = findModel(id);
    if (method === "get") {
      return model ? jsonResponse(started, model) : errorResponse(
        started,
        errorBody(404, `Model is not found: models/${id} for api version ${version}`),
        framing,
      );
    }
    const served = SERVED_AS[method];
    const serving = servingModel(id);
    if (!serving || !supportsMethod(serving, served)) {
      const error = modelNotFoundError(id, version, served);
      if (framing === "sse") {
        error.error.details = [{
          "@type": "type.googleapis.com/google.rpc.DebugInfo",
          detail: `[ORIGINAL ERROR] generic::not_found: ${error.error.message} ` +
            `[google.rpc.error_details_ext] { message: ${JSON.stringify(error.error.message)} }`,
        }];
      }
      return errorResponse(started, error, framing);
    }
    const answering = modelId(serving.name);
    switch (method) {
      case "generateContent":
        return unwrap(
          started,
          validateGenerateContent(body, answering, version),
          framing,
          (request) => jsonResponse(started, generateContent(answering, request)),
        );
      case "streamGenerateContent":
        return unwrap(
          started,
          validateGenerateContent(body, answering, version),
          framing,
          (request) => streamResponse(started, generateChunks(answering, request), framing),
        );
      case "countTokens":
        return unwrap(
          started,
          validateCountTokens(body, answering, version),
          framing,
          (request) => jsonResponse(started, countTokens(request)),
        );
      case "embedContent":
        return unwrap(
          started,
          validateEmbedContent(body),
          framing,
          (request) => jsonResponse(started, embedContent(answering, request)),
        );
      default:
        return unwrap(
          started,
          validateBatchEmbedContents(body, answering),
          framing,
          (request) => jsonResponse(started, batchEmbedContents(answering, request.requests)),
        );
    }
  }

  async function handle(request: Request): Promise<Response> {
    const started = performance.now();
    const url = new URL(request.url);
    if (/^\/+ws\//.test(url.pathname)) return serveLive(request);
    const text = await request.text();
    const body = parseBody(text);
    if (options.record !== false) {
      requests.push({
        method: request.method,
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body,
      });
    }
    const target = route(request.method, url.pathname);
    const framing: Framing = target?.method !== "streamGenerateContent"
      ? "json"
      : url.searchParams.get("alt") === "sse"
      ? "sse"
      : "array";
    if (!target) {
      return errorResponse(started, errorBody(404, "Requested entity was not found."), framing);
    }
    const model = target.method === "list" || target.method === "get" ? undefined : target.model;
    const refusal = keyRefusal(requestKey(request), model);
    if (refusal) return errorResponse(started, refusal, framing);
    const reply = queue.shift();
    if (reply) return scripted(started, reply, framing);
    if (text.trim() && body === undefined) {
      const description = "Invalid JSON payload received. Unexpected token.";
      return errorResponse(
        started,
        errorBody(400, description, [
          {
            "@type": "type.googleapis.com/google.rpc.BadRequest",
            fieldViolations: [{ description }],
          },
        ]),
        framing,
      );
    }
    return answer(started, target, body ?? {}, url, framing);
  }

  const server = Deno.serve({
    port: options.port ?? 0,
    hostname: options.hostname ?? "127.0.0.1",
    onListen() {},
  }, handle);
  const { hostname, port } = server.addr;
  const host = hostname.includes(":") ? `[${hostname}]` : hostname;

  return {
    url: `http://${host}:${port}`,
    requests,
    reply(...replies) {
      queue.push(...replies);
    },
    async close() {
      closing.abort();
      await server.shutdown();
    },
  };
}
