/**
 * The one streaming path every dialect shares: Gemini's SSE bytes are parsed, translated and
 * encoded in a single stage, one `ReadableStream` per response, with keep-alives, an idle
 * timeout and the rules for failures before and after the stream began.
 * @module
 */

import type { Config } from "../config.ts";
import type { GeminiEventParser } from "../gemini/sse.ts";
import type { GenerateContentResponse } from "../gemini/types.ts";
import { deadlines } from "./deadlines.ts";
import { asGatewayError, GatewayError } from "./errors.ts";
import { Timer } from "./timer.ts";

/** How one dialect writes Gemini's responses as its own stream. */
export interface StreamTranslator {
  /** The text one Gemini response adds to the stream ("" when it adds nothing). */
  next(response: GenerateContentResponse): string;
  /** The text that ends a stream whose upstream ended properly. */
  end(): string;
  /** The text that ends a stream that failed after it began. */
  fail(error: GatewayError): string;
}

/** The stream's framing as HTTP sees it. */
export interface StreamFormat {
  /** The response's `content-type`. */
  contentType: string;
  /** Written after `keepAliveMs` of silence; none when absent. */
  keepAlive?: string;
}

/** Timing and size limits of one stream. */
export interface StreamLimits {
  /**
   * How long to wait for Gemini's first response before answering with the stream anyway (so
   * that earlier failures are HTTP errors), and the interval of keep-alives while it is silent.
   */
  keepAliveMs: number;
  /** Silence after which the stream is ended with a 504 failure. */
  idleTimeoutMs: number;
  /** Largest single event Gemini may send. */
  maxEventBytes: number;
}

const encoder = new TextEncoder();

/** The limits the configuration sets for every stream. */
export function streamLimits(config: Config): StreamLimits {
  return {
    keepAliveMs: config.keepAliveMs,
    idleTimeoutMs: config.upstreamTimeoutMs,
    maxEventBytes: config.maxUpstreamEventBytes,
  };
}

/**
 * Answers with `upstream` (the SSE body of `streamGenerateContent`) translated by `translator`.
 *
 * Resolves once Gemini's first response is translated or `keepAliveMs` has passed; a failure
 * before then rejects, for the caller to answer as an HTTP error. Later failures, and silence
 * longer than `idleTimeoutMs`, end the stream with `translator.fail`. An upstream that ends
 * without any response is a 502. Cancelling the response cancels the upstream request. `headers`
 * are added to the response's.
 */
export async function streamResponse(
  upstream: Promise<ReadableStream<Uint8Array>>,
  translator: StreamTranslator,
  format: StreamFormat,
  limits: StreamLimits,
  headers: Record<string, string> = {},
): Promise<Response> {
  if (!EventParser) {
    upstream.catch(() => {}); // Observed by the source, once built: it may fail meanwhile.
    EventParser = (await import("../gemini/sse.ts")).GeminiEventParser;
  }
  const parser = new EventParser(limits.maxEventBytes);
  const source = new TranslatedSource(upstream, translator, format, limits, parser);
  await source.started(limits.keepAliveMs);
  return new Response(new ReadableStream(source), {
    headers: {
      "content-type": format.contentType,
      "cache-control": "no-cache",
      "x-accel-buffering": "no",
      ...headers,
    },
  });
}

/**
 * Gemini's event parser, imported (with the SSE library under it) by the first stream: a gateway
 * that only answers without streaming never loads them.
 */
let EventParser: typeof GeminiEventParser | undefined;

/**
 * The open streams by the period of their checks, each period with one timer for all its streams
 * (a timer per stream costs more CPU and memory than a set entry).
 */
const watched = new Map<number, { timer: Timer; sources: Set<TranslatedSource> }>();

/** Checks `source` every `period` ms until {@linkcode unwatch}. */
function watch(source: TranslatedSource, period: number): void {
  let group = watched.get(period);
  if (!group) {
    const sources = new Set<TranslatedSource>();
    const timer: Timer = new Timer(() => {
      for (const each of sources) each.check();
      if (sources.size > 0) timer.start(period);
    });
    group = { timer, sources };
    watched.set(period, group);
  }
  group.sources.add(source);
  group.timer.start(period);
}

/** Stops checking `source`; the last stream of a period stops its timer. */
function unwatch(source: TranslatedSource, period: number): void {
  const group = watched.get(period);
  if (!group?.sources.delete(source) || group.sources.size > 0) return;
  group.timer.stop();
}

/**
 * Reads, translates and encodes in `pull`; its periodic check writes keep-alives and ends idle
 * streams.
 */
class TranslatedSource implements UnderlyingDefaultSource<Uint8Array> {
  readonly #upstream: Promise<ReadableStreamDefaultReader<Uint8Array>>;
  readonly #translator: StreamTranslator;
  readonly #format: StreamFormat;
  readonly #limits: StreamLimits;
  readonly #parser: GeminiEventParser;
  /** Translated text not yet enqueued: the first response's, while the response is not built. */
  #text = "";
  /** Settles when the first response is translated (or the upstream ended or failed). */
  #first: Promise<void>;
  /** The first response is translated: `pull` no longer waits for {@linkcode #first}. */
  #began = false;
  /** The upstream's reader, once it answered. */
  #reader?: ReadableStreamDefaultReader<Uint8Array>;
  #controller?: ReadableStreamDefaultController<Uint8Array>;
  /** How often the stream is checked for keep-alives and idleness, in milliseconds. */
  readonly #period: number;
  #lastData = performance.now();
  #lastWrite = this.#lastData;
  #closed = false;
  /** The upstream body ended. */
  #done = false;
  /** Some response carried a finish reason or a blocked prompt: the answer is complete. */
  #finished = false;

  constructor(
    upstream: Promise<ReadableStream<Uint8Array>>,
    translator: StreamTranslator,
    format: StreamFormat,
    limits: StreamLimits,
    parser: GeminiEventParser,
  ) {
    this.#upstream = upstream.then((body) => body.getReader());
    this.#upstream.catch(() => {}); // Observed through #first.
    this.#translator = translator;
    this.#format = format;
    this.#limits = limits;
    this.#parser = parser;
    this.#period = Math.min(limits.keepAliveMs, limits.idleTimeoutMs);
    this.#first = this.#fill().then(() => {
      this.#began = true;
    });
    this.#first.catch(() => {}); // Observed by started() or the first pull.
  }

  /**
   * Waits up to `ms` for the first response (on the timer all streams share, see `deadlines`);
   * rejects with a failure that came before.
   */
  started(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      let waiting = true;
      const cancel = deadlines(ms).schedule(() => {
        waiting = false;
        resolve();
      });
      this.#first.then(() => {
        if (!waiting) return;
        cancel();
        resolve();
      }, (error) => {
        if (!waiting) return;
        cancel();
        this.#cancelUpstream(error).then(() => reject(error));
      });
    });
  }

  start(controller: ReadableStreamDefaultController<Uint8Array>): void {
    this.#controller = controller;
    watch(this, this.#period);
  }

  async pull(): Promise<void> {
    try {
      if (!this.#began) await this.#first;
      if (!this.#text && !this.#closed) await this.#fill();
      if (this.#closed) return;
      if (this.#text) this.#write(this.#text);
      this.#text = "";
      if (this.#done) this.#close(this.#translator.end());
    } catch (error) {
      this.#fail(error);
    }
  }

  cancel(reason: unknown): void {
    this.#closed = true;
    unwatch(this, this.#period);
    // Not awaited: an upstream that has not answered yet is cancelled once it does.
    this.#cancelUpstream(reason);
  }

  /** Reads upstream until some text is translated or the body ends. */
  async #fill(): Promise<void> {
    const reader = this.#reader ??= await this.#upstream;
    while (!this.#text && !this.#done) {
      this.#parser.throwIfFailed();
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        throw brokenOff(error);
      }
      const { done, value } = read;
      this.#lastData = performance.now();
      const responses = done ? this.#parser.end() : this.#parser.push(value);
      for (const response of responses) {
        if (!this.#finished) this.#finished = isFinal(response);
        this.#text += this.#translator.next(response);
      }
      if (done) {
        this.#done = true;
        if (!this.#finished) throw incomplete(this.#parser.count);
      }
    }
  }

  /** Writes a keep-alive after a silence, or ends a stream whose upstream went idle. */
  check(): void {
    const now = performance.now();
    if (now - this.#lastData >= this.#limits.idleTimeoutMs) {
      const error = new GatewayError(
        504,
        `Gemini sent nothing for ${this.#limits.idleTimeoutMs / 1000} s; the stream was ended.`,
        "api_error",
        null,
        "upstream_timeout",
      );
      this.#fail(error);
      this.#cancelUpstream(error);
    } else if (this.#format.keepAlive && now - this.#lastWrite >= this.#limits.keepAliveMs) {
      this.#write(this.#format.keepAlive);
    }
  }

  #write(text: string): void {
    this.#lastWrite = performance.now();
    this.#controller!.enqueue(encoder.encode(text));
  }

  #fail(error: unknown): void {
    if (this.#closed) return;
    this.#close(this.#translator.fail(asStreamFailure(error)));
  }

  #close(last: string): void {
    this.#closed = true;
    unwatch(this, this.#period);
    if (last) this.#write(last);
    this.#controller!.close();
  }

  async #cancelUpstream(reason: unknown): Promise<void> {
    // An upstream already failed (by the same abort, often) has nothing left to cancel.
    await this.#upstream.then((reader) => reader.cancel(reason)).catch(() => {});
  }
}

/** The failure of a read of Gemini's body: a broken connection is a 502. */
function brokenOff(error: unknown): unknown {
  if (error instanceof GatewayError) return error;
  return new GatewayError(502, "The connection to Gemini broke off mid-stream.", "api_error");
}

/** Whether `response` ends the answer: a candidate's finish reason, or a blocked prompt. */
function isFinal(response: GenerateContentResponse): boolean {
  if (response.promptFeedback?.blockReason) return true;
  const candidates = response.candidates;
  if (candidates) {
    for (let index = 0; index < candidates.length; index++) {
      if (candidates[index].finishReason) return true;
    }
  }
  return false;
}

/** The failure of a body that ended before the answer did. */
function incomplete(responses: number): GatewayError {
  return new GatewayError(
    502,
    responses === 0
      ? "Gemini ended the stream without sending a response."
      : "Gemini's stream ended before the answer was complete.",
    "api_error",
  );
}

/** The failure a stream reports: a gateway error as is, anything else unexplained. */
function asStreamFailure(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  return asGatewayError(error);
}
