/**
 * Ollama's `think` → Gemini `thinkingConfig`, through the shared tables of `core/thinking.ts`.
 *
 * | `think` | Gemini |
 * |---|---|
 * | absent | the model's default, thoughts returned as `INCLUDE_THOUGHTS` says |
 * | `false` | the least thinking the model allows (`reasoning_effort: none`), no thoughts |
 * | `true` | the model's default amount (`medium` for a model that does not think unasked), thoughts returned |
 * | `"low"`, `"medium"`, `"high"` (`"max"` read as `"high"`) | that effort, thoughts returned |
 *
 * Asking a model that cannot think to think is a 400, as Ollama answers it.
 * @module
 */

import { GatewayError, invalidRequest } from "../core/errors.ts";
import { toThinkingConfig } from "../core/thinking.ts";
import type { ThinkingConfig } from "../gemini/types.ts";
import { invalidValue } from "../http/fields.ts";

const LEVELS = ["low", "medium", "high", "max"];

/** The `thinkingConfig` for `think` sent to `model` (an id); `includeThoughts` is the default. */
export function thinkingFor(
  think: unknown,
  model: string,
  includeThoughts: boolean,
): ThinkingConfig | undefined {
  if (think === undefined || think === null) {
    return toThinkingConfig(model, undefined, undefined, includeThoughts);
  }
  if (think === false) return toThinkingConfig(model, "none", undefined, includeThoughts);
  if (think !== true && !(typeof think === "string" && LEVELS.includes(think))) {
    throw invalidValue(
      "think",
      'expected true, false, "low", "medium", "high" or "max".',
    );
  }
  try {
    if (think === true) {
      return toThinkingConfig(model, undefined, undefined, true) ??
        toThinkingConfig(model, "medium", undefined, true);
    }
    return toThinkingConfig(model, think, undefined, true);
  } catch (error) {
    if (error instanceof GatewayError && error.param === "reasoning_effort") {
      throw invalidRequest(`"${model}" does not support thinking`, "think");
    }
    throw error;
  }
}
