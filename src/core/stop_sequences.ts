/**
 * Stop sequences, as every dialect takes them (a list, or for some a single string) → Gemini's
 * `stopSequences`, within Gemini's limit of five.
 * @module
 */

import { childParam, invalidValue, readArray, readString } from "../http/fields.ts";

/** Most stop sequences Gemini takes. */
export const MAX_STOP_SEQUENCES = 5;

/** How a dialect takes its stop sequences. */
export interface StopSequenceRules {
  /** Whether one string is read as a list of one (OpenAI's `stop`, Ollama's `options.stop`). */
  string?: boolean;
  /** Whether more than five are cut to the first five (Ollama: clients send more) instead of a 400. */
  cut?: boolean;
}

/**
 * The stop sequences of `value` at `param`: empty ones dropped, `undefined` when none is left;
 * more than {@linkcode MAX_STOP_SEQUENCES} are a 400 unless `rules.cut`.
 */
export function toStopSequences(
  value: unknown,
  param: string,
  rules: StopSequenceRules = {},
): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = rules.string && typeof value === "string" ? [value] : readArray(value, param);
  let sequences = list.map((item, index) => readString(item, childParam(param, index)))
    .filter(Boolean);
  if (sequences.length > MAX_STOP_SEQUENCES) {
    if (!rules.cut) {
      throw invalidValue(
        param,
        `at most ${MAX_STOP_SEQUENCES} stop sequences are supported (Gemini's limit), got ${sequences.length}.`,
      );
    }
    sequences = sequences.slice(0, MAX_STOP_SEQUENCES);
  }
  return sequences.length > 0 ? sequences : undefined;
}
