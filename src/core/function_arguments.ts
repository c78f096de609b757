/**
 * A tool call's arguments as a client sends them back (an object, or a JSON string) → the
 * object Gemini's `functionCall.args` holds.
 * @module
 */

import { invalidValue, isRecord, optional, readString } from "../http/fields.ts";
import { MAX_DEPTH, tooDeepAt } from "./depth.ts";

/**
 * The arguments at `param`: an object as is; a JSON string parsed (empty or absent is `{}`);
 * anything that is not a JSON object, or nests deeper than {@linkcode MAX_DEPTH}, is a 400.
 */
export function toFunctionArgs(value: unknown, param: string): Record<string, unknown> {
  if (isRecord(value)) return value;
  const text = optional(value, param, readString) ?? "";
  let args: unknown = {};
  if (text.trim()) {
    try {
      args = JSON.parse(text) ?? {};
    } catch {
      throw invalidValue(param, "the arguments are not valid JSON.");
    }
  }
  if (!isRecord(args)) throw invalidValue(param, "the arguments must be a JSON object.");
  if (tooDeepAt(args)) {
    throw invalidValue(param, `the arguments nest deeper than ${MAX_DEPTH} levels.`);
  }
  return args;
}
