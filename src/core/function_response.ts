/**
 * A tool result's text → Gemini's `functionResponse.response` object.
 * @module
 */

import { isRecord } from "../http/fields.ts";
import { tooDeepAt } from "./depth.ts";

/**
 * A tool result as Gemini's `response` object: a JSON object as is, other JSON wrapped, and
 * anything else, JSON with a `$ref` key anywhere (which Gemini reads as a schema reference), or
 * JSON nested deeper than Gemini reads, wrapped as text: `{result: …}`.
 */
export function toFunctionResponse(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { result: text };
  }
  if (tooDeepAt(value) || hasRefKey(value)) return { result: text };
  return isRecord(value) ? value : { result: value };
}

/** Whether an object inside `value` has a `$ref` key; walked without recursion. */
function hasRefKey(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isRecord(node) && Object.hasOwn(node, "$ref")) return true;
    if (Array.isArray(node) || isRecord(node)) {
      for (const child of Object.values(node)) stack.push(child);
    }
  }
  return false;
}
