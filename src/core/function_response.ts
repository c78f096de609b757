/**
 * A tool result's text as Gemini's `functionResponse.response`.
 * @module
 */

import { isRecord } from "../http/fields.ts";
import { tooDeepAt } from "./depth.ts";

/**
 * A JSON object as is, other JSON wrapped as `{result}`, and anything else (text, JSON with a
 * `$ref` key, JSON nested too deep) wrapped as text.
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
