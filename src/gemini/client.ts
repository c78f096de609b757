/**
 * A typed client for the Gemini REST methods the gateway calls.
 *
 * The key travels only in the `x-goog-api-key` header, and never follows a redirect; each call
 * takes it from a {@linkcode KeySource}, which may retry a failed call with another key. Every
 * call is aborted when the client that caused it goes away, and fails with a mapped
 * {@linkcode GatewayError} otherwise: bodies are read up to a bound, checked for the shape the
 * gateway reads, and no upstream error text other than Gemini's own error message (with
 * credentials removed) reaches the client.
 * @module
 */

import { deadlines } from "../core/deadlines.ts";
import { modelId } from "../core/model_name.ts";
import { fromGeminiError, GatewayError } from "../core/errors.ts";
import { fetchFailureCause } from "../core/fetch_failure.ts";
import { readTextAtMost } from "../http/body.ts";
import type { KeySource } from "./key_source.ts";
import {
  BATCH_EMBED_CONTENTS_RESPONSE,
  checkShape,
  COUNT_TOKENS_RESPONSE,
  GENERATE_CONTENT_RESPONSE,
  LIST_MODELS_RESPONSE,
  MODEL,
  type Shape,
} from "./shape.ts";
import type {
  BatchEmbedContentsRequest,
  BatchEmbedContentsResponse,
  CountTokensResponse,
  GenerateContentRequest,
  GenerateContentResponse,
  ListModelsResponse,
  Model,
} from "./types.ts";

/** Where and how to reach Gemini, on behalf of one client request. */
export interface GeminiClientOptions {
  /** Gemini's origin, e.g. `https://generativelanguage.googleapis.com`. */
  baseUrl: string;
  /** API version, e.g. `v1beta`. */
  apiVersion: string;
  /** The key of each call: the client's own (see `ownKey`), or the server's pool. */
  keys: KeySource;
  /** How long Gemini may take to answer (for streams: to start answering), in milliseconds. */
  timeoutMs: number;
  /** The largest JSON body read from Gemini, in bytes; beyond it the call fails with a 502. */
  maxBodyBytes: number;
  /** Aborts every call, e.g. the client request's signal. */
  signal?: AbortSignal;
}

/** Most pages `listModels` follows, in case an upstream keeps returning page tokens. */
const MAX_PAGES = 100;

/** The largest error body read from Gemini; a longer one is reported by its status alone. */
const MAX_ERROR_BODY_BYTES = 1024 * 1024;

/** Calls Gemini on behalf of one client request. */
export class GeminiClient {
  #options: GeminiClientOptions;

  constructor(options: GeminiClientOptions) {
    this.#options = options;
  }

  /** A client for the same caller whose calls are also aborted by `signal`. */
  withSignal(signal: AbortSignal): GeminiClient {
    const signals = this.#options.signal ? [this.#options.signal, signal] : [signal];
    return new GeminiClient({ ...this.#options, signal: AbortSignal.any(signals) });
  }

  /** `models/{model}:generateContent`. */
  async generateContent(
    model: string,
    request: GenerateContentRequest,
  ): Promise<GenerateContentResponse> {
    return await this.#options.keys.use(
      modelId(model),
      (key) =>
        this.#json(key, `${modelPath(model)}:generateContent`, GENERATE_CONTENT_RESPONSE, request),
    );
  }

  /**
   * `models/{model}:streamGenerateContent?alt=sse`: resolves with the SSE body once Gemini has
   * answered with success (failures before any output reject; an answer that is not an event
   * stream is a 502). Cancelling the body aborts the upstream request.
   */
  async streamGenerateContent(
    model: string,
    request: GenerateContentRequest,
  ): Promise<ReadableStream<Uint8Array>> {
    const init = { method: "POST", body: JSON.stringify(request) };
    return await this.#options.keys.use(modelId(model), (key) =>
      this.#fetch(
        key,
        `${modelPath(model)}:streamGenerateContent?alt=sse`,
        init,
        (response) => {
          const type = response.headers.get("content-type") ?? "";
          if (!response.body || !type.startsWith("text/event-stream")) {
            response.body?.cancel();
            throw new GatewayError(
              502,
              `Gemini answered a streaming request with ${type || "no content type"} instead of ` +
                "an event stream.",
              "api_error",
            );
          }
          return Promise.resolve(response.body);
        },
      ));
  }

  /** `models/{model}:batchEmbedContents`. */
  async batchEmbedContents(
    model: string,
    request: BatchEmbedContentsRequest,
  ): Promise<BatchEmbedContentsResponse> {
    return await this.#options.keys.use(
      modelId(model),
      (key) =>
        this.#json(
          key,
          `${modelPath(model)}:batchEmbedContents`,
          BATCH_EMBED_CONTENTS_RESPONSE,
          request,
        ),
    );
  }

  /** `models/{model}:countTokens` of a whole `generateContent` request. */
  async countTokens(
    model: string,
    request: GenerateContentRequest,
  ): Promise<CountTokensResponse> {
    const body = { generateContentRequest: { model: `models/${modelId(model)}`, ...request } };
    return await this.#options.keys.use(
      modelId(model),
      (key) => this.#json(key, `${modelPath(model)}:countTokens`, COUNT_TOKENS_RESPONSE, body),
    );
  }

  /** `models.list`, following `nextPageToken` to the last page, all pages with one key. */
  async listModels(): Promise<Model[]> {
    return await this.#options.keys.use("", (key) => this.#listModels(key));
  }

  async #listModels(key: string): Promise<Model[]> {
    const models: Model[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = pageToken ? new URLSearchParams({ pageSize: "1000", pageToken }) : FIRST_PAGE;
      const body: ListModelsResponse = await this.#json(
        key,
        `models?${query}`,
        LIST_MODELS_RESPONSE,
      );
      models.push(...(body.models ?? []));
      pageToken = body.nextPageToken;
      if (!pageToken) break;
    }
    return models;
  }

  /** `models.get`. */
  async getModel(model: string): Promise<Model> {
    return await this.#options.keys.use("", (key) => this.#json(key, modelPath(model), MODEL));
  }

  /** Calls `path` and reads its JSON answer, which must have `shape`. */
  async #json<T>(key: string, path: string, shape: Shape, body?: unknown): Promise<T> {
    const init = body === undefined
      ? { method: "GET" }
      : { method: "POST", body: JSON.stringify(body) };
    return await this.#fetch(key, path, init, async (response) => {
      const { maxBodyBytes } = this.#options;
      const tooLarge = () =>
        new GatewayError(
          502,
          `Gemini sent a response larger than the ${maxBodyBytes} bytes this gateway reads ` +
            "(MAX_UPSTREAM_BODY_BYTES).",
          "api_error",
          null,
          "upstream_too_large",
        );
      return checkShape<T>(
        JSON.parse(await readTextAtMost(response, maxBodyBytes, tooLarge)),
        shape,
      );
    });
  }

  /**
   * Fetches `path` with `key` and reads the successful response with `read`, mapping every
   * failure (one attempt: retries with other keys are the key source's). The
   * timeout runs until `read` is done: for JSON, the whole body; for streams, the headers (the
   * stream's silences are watched downstream). The caller's signal aborts the call, and for
   * streams (`read` returning a body) the body after that too.
   *
   * One controller and one deadline per call (on the timer shared by all calls, see
   * `deadlines`), both let go of when the call is done: cheaper than `AbortSignal.any` over the
   * caller's signal and a timeout signal.
   */
  async #fetch<T>(
    key: string,
    path: string,
    init: RequestInit,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const { baseUrl, apiVersion, timeoutMs, signal } = this.#options;
    const call = new AbortController();
    const cancelTimeout = deadlines(timeoutMs).schedule(() =>
      call.abort(new DOMException("upstream timeout", "TimeoutError"))
    );
    const forward = () => call.abort(signal!.reason);
    if (signal?.aborted) forward();
    else signal?.addEventListener("abort", forward, { once: true });
    let streaming = false;
    try {
      const response = await fetch(`${baseUrl}/${apiVersion}/${path}`, {
        ...init,
        headers: { "content-type": "application/json", "x-goog-api-key": key },
        redirect: "manual",
        signal: call.signal,
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        throw new GatewayError(
          502,
          `Gemini answered with a redirect (HTTP ${response.status}), which the gateway does not ` +
            "follow.",
          "api_error",
          null,
          "upstream_redirect",
        );
      }
      if (!response.ok) throw fromGeminiError(response.status, await errorText(response), [key]);
      const result = await read(response);
      streaming = result instanceof ReadableStream;
      return result;
    } catch (error) {
      throw upstreamFailure(error, this.#options);
    } finally {
      cancelTimeout();
      if (!streaming) signal?.removeEventListener("abort", forward);
    }
  }
}

/** The query of the first page of `models.list`. */
const FIRST_PAGE = "pageSize=1000";

/** `models/{model}` with the model escaped, whether or not the caller kept the prefix. */
function modelPath(model: string): string {
  return `models/${encodeURIComponent(modelId(model))}`;
}

/** Maps a failed call to the error the client sees (timeouts 504, unreachable 502). */
function upstreamFailure(error: unknown, options: GeminiClientOptions): unknown {
  if (error instanceof GatewayError) return error;
  if (options.signal?.aborted) return options.signal.reason ?? error;
  if (error instanceof DOMException && error.name === "TimeoutError") {
    return new GatewayError(
      504,
      `Gemini did not answer within ${options.timeoutMs / 1000} s.`,
      "api_error",
      null,
      "upstream_timeout",
    );
  }
  if (error instanceof SyntaxError) {
    return new GatewayError(502, "Gemini sent a body that is not JSON.", "api_error");
  }
  const host = new URL(options.baseUrl).host;
  return new GatewayError(
    502,
    `Could not reach Gemini at ${host}: ${fetchFailureCause(error)}.`,
    "api_error",
    null,
    "upstream_unreachable",
  );
}

/** The text of an error answer, or nothing when it is longer than {@linkcode MAX_ERROR_BODY_BYTES}. */
async function errorText(response: Response): Promise<string> {
  const tooLarge = () => new RangeError("error body too large");
  try {
    return await readTextAtMost(response, MAX_ERROR_BODY_BYTES, tooLarge);
  } catch (error) {
    if (error instanceof RangeError) return "";
    throw error;
  }
}
