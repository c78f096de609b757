/**
 * Tool-call arguments given as an object or as a JSON string → an object.
 * @module
 */

import { invalidValue, isRecord, optional, readString } from "../http/fields.ts";
import { MAX_DEPTH, tooDeepAt } from "./depth.ts";

/** The arguments at `param` as an object; a 400 if they are not a JSON object or too deep. */
export function toFunctionArgs(value: unknown, param: string): Record<string, unknown> {
  let args: unknown = value;
  if (!isRecord(value)) {
    const text = optional(value, param, readString) ?? "";
    args = {};
    if (text.trim()) {
      try {
        args = JSON.parse(text) ?? {};
      } catch {
        throw invalidValue(param, "the arguments are not valid JSON.");
      }
    }
  }
  if (!isRecord(args)) throw invalidValue(param, "the arguments must be a JSON object.");
  if (tooDeepAt(args)) {
    throw invalidValue(param, `the arguments nest deeper than ${MAX_DEPTH} levels.`);
  }
  return args;
}
