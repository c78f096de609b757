/**
 * Ollama's closing timings and counts (nanoseconds and tokens) from the measured time and
 * Gemini's usage.
 *
 * - `load_duration`: from the request's arrival to the Gemini call (reading and translating it).
 * - `prompt_eval_duration`: from the Gemini call to its first response; `eval_duration`: from
 *   there to the end. A whole (non-streamed) answer arrives at once, so its time is shared
 *   between the two in proportion to the prompt and output tokens.
 * - `prompt_eval_count`: Gemini's `promptTokenCount`; `eval_count`: its output and thought
 *   tokens.
 *
 * Durations are at least 1 ns, so that clients dividing by them (tokens per second) never
 * divide by zero.
 * @module
 */

import type { UsageMetadata } from "../gemini/types.ts";
import type { Metrics } from "./types.ts";

const NS_PER_MS = 1e6;

const ns = (ms: number) => Math.max(1, Math.round(ms * NS_PER_MS));

/** Measures one request: created when it arrives. */
export class Clock {
  readonly #start = performance.now();
  #upstream?: number;
  #first?: number;

  /** Marks the start of the Gemini call. */
  upstream(): void {
    this.#upstream = performance.now();
  }

  /** Marks Gemini's first streamed response (later calls are ignored). */
  first(): void {
    this.#first ??= performance.now();
  }

  /** The metrics of a generation ending now, with Gemini's last `usage`. */
  metrics(usage: UsageMetadata | undefined): Metrics {
    const end = performance.now();
    const upstream = this.#upstream ?? this.#start;
    const prompt = usage?.promptTokenCount ?? 0;
    const output = (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0);
    const share = prompt + output > 0 ? prompt / (prompt + output) : 0.5;
    const first = this.#first ?? upstream + (end - upstream) * share;
    return {
      total_duration: ns(end - this.#start),
      load_duration: ns(upstream - this.#start),
      prompt_eval_count: prompt,
      prompt_eval_duration: ns(first - upstream),
      eval_count: output,
      eval_duration: ns(end - first),
    };
  }
}
