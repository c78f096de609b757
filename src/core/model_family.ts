/**
 * The family of a Gemini model, read from its name (without `models/`): what the request
 * translation decides by.
 *
 * | Family   | Names                                          | Thinking         | Schemas    | Penalties | Skip signature |
 * | -------- | ---------------------------------------------- | ---------------- | ---------- | --------- | -------------- |
 * | `legacy` | `gemini-1.*`, `gemini-2.0*`, `gemma-*`         | none             | proto only | sent      | no             |
 * | `budget` | `gemini-2.5*`                                  | `thinkingBudget` | JSON       | dropped   | no             |
 * | `level`  | `gemini-3*`, `*-latest` aliases, anything else | `thinkingLevel`  | JSON       | dropped   | yes            |
 *
 * The `-latest` aliases follow the newest models, and a name the gateway does not know is taken
 * to be newer than the ones it does.
 * @module
 */

/** How a model is driven: see the module's table. */
export type ModelFamily = "legacy" | "budget" | "level";

/** The family of `model`. */
export function modelFamily(model: string): ModelFamily {
  if (/^(gemini-1\.|gemini-2\.0|gemma-)/.test(model)) return "legacy";
  if (model.startsWith("gemini-2.5")) return "budget";
  return "level";
}

/** Whether `model` takes a `systemInstruction`: Gemma models answer it with a 400. */
export function supportsSystemInstruction(model: string): boolean {
  return !model.startsWith("gemma-");
}
