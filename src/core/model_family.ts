/**
 * The family of a Gemini model, read from its name (without `models/`): what the request
 * translation decides by.
 *
 * | Family   | Names                                          | Thinking         | Schemas    | Penalties | Skip signature |
 * | -------- | ---------------------------------------------- | ---------------- | ---------- | --------- | -------------- |
 * | `legacy` | `gemini-1.*`, `gemini-2.0*`, `gemma-*`         | none             | proto only | sent      | no             |
 * | `budget` | `gemini-2.5*`                                  | `thinkingBudget` | JSON       | dropped   | no             |
 * | `level`  | `gemini-3*`, `gemini-4*`, `*-latest`, the rest | `thinkingLevel`  | JSON       | dropped   | yes            |
 *
 * Within the `level` family the levels differ ({@linkcode thinkingLevels}). The `-latest`
 * aliases follow the newest models, and a name the gateway does not know is taken to be newer
 * than the ones it does. Which model takes what is in `docs/models.md`.
 * @module
 */

/** How a model is driven: see the module's table. */
export type ModelFamily = "legacy" | "budget" | "level";

/** A Gemini `thinkingLevel`. */
export type ThinkingLevel = "MINIMAL" | "LOW" | "MEDIUM" | "HIGH";

/** Every thinking level, lowest first. */
export const THINKING_LEVELS: readonly ThinkingLevel[] = ["MINIMAL", "LOW", "MEDIUM", "HIGH"];

/** The family of `model`. */
export function modelFamily(model: string): ModelFamily {
  if (/^(gemini-1\.|gemini-2\.0|gemma-)/.test(model)) return "legacy";
  if (model.startsWith("gemini-2.5")) return "budget";
  return "level";
}

/**
 * The thinking levels a `level`-family `model` accepts, lowest first: Flash-Lite models, Gemini
 * 3 Flash and 3.5 / 3.6 Flash take `MINIMAL` to `HIGH`; Gemini 3 Pro only `LOW` and `HIGH`;
 * Gemini 3.1 Pro, 3.7 / 3.8 Flash, Gemini 4 and anything newer `LOW` to `HIGH` (`MINIMAL` is a
 * validation error there).
 */
export function thinkingLevels(model: string): readonly ThinkingLevel[] {
  if (/^gemini-3-pro(-preview)?$/.test(model)) return ["LOW", "HIGH"];
  if (/flash-lite|^gemini-3-flash|^gemini-3\.[56]-flash/.test(model)) return THINKING_LEVELS;
  return THINKING_LEVELS.slice(1);
}

/**
 * Whether `model` only speaks or transcribes (`*-tts`, `*-transcribe`, Live models): it takes no
 * thinking configuration.
 */
export function isSpeechModel(model: string): boolean {
  return /-(tts|transcribe)(-|$)|-live(-|$)|^gemini-live-|native-audio/.test(model);
}

/**
 * Whether `model` takes a `systemInstruction`: Gemma models answer it with a 400, and speech
 * models read their input as the words to say.
 */
export function supportsSystemInstruction(model: string): boolean {
  return !model.startsWith("gemma-") && !/-tts(-|$)/.test(model);
}
