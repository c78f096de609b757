/**
 * Ollama-style model tags: `gemini-3.8-flash:latest` names the same model as `gemini-3.8-flash`.
 *
 * Ollama clients list models by name and tag and send the name back with its tag, also to the
 * OpenAI-compatible routes (VS Code Copilot's Ollama provider does); Gemini ids never contain a
 * colon, so a tag is read away before the name is resolved.
 * @module
 */

/** The tag every model is listed with. */
export const DEFAULT_TAG = "latest";

/** An Ollama tag: a word of letters, digits, `_`, `.` and `-`, as Ollama allows them. */
const TAG = /^\w[\w.-]{0,127}$/;

/**
 * `value` without a trailing `:<tag>` when it is a string ending in one; anything else as it is
 * (so that a name smuggling a URL, `model:method?x`, is still refused as a name).
 */
export function withoutTag(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const at = value.lastIndexOf(":");
  return at > 0 && TAG.test(value.slice(at + 1)) ? value.slice(0, at) : value;
}

/** `model` (an id) as Ollama lists it: `<id>:latest`. */
export function withDefaultTag(model: string): string {
  return `${model}:${DEFAULT_TAG}`;
}
