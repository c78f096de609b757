/**
 * OpenAI's `tool_choice` modes (chat completions and Responses alike) → Gemini's function
 * calling modes.
 * @module
 */

import { excerpt } from "../core/excerpt.ts";
import { invalidValue } from "../http/fields.ts";

/** Gemini's function calling mode for each of OpenAI's `tool_choice` strings. */
export const TOOL_CHOICE_MODES: Record<string, "NONE" | "AUTO" | "ANY"> = {
  none: "NONE",
  auto: "AUTO",
  required: "ANY",
};

/** The mode for the `tool_choice` string `choice` at `param`; an unknown one is a 400. */
export function toolChoiceMode(choice: string, param: string): "NONE" | "AUTO" | "ANY" {
  const mode = TOOL_CHOICE_MODES[choice];
  if (!mode) {
    throw invalidValue(
      param,
      `unknown value '${excerpt(choice)}'; expected none, auto or required.`,
    );
  }
  return mode;
}
