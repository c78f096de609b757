/**
 * Ollama `tools` (OpenAI's function shape: `{type: "function", function: {name, description,
 * parameters}}`) → Gemini function declarations.
 * @module
 */

import { excerpt } from "../core/excerpt.ts";
import { toFunctionDeclaration } from "../core/function_declaration.ts";
import type { Tool } from "../gemini/types.ts";
import {
  childParam,
  invalidValue,
  optional,
  readArray,
  readRecord,
  readString,
} from "../http/fields.ts";

/** The Gemini tools for `tools`, sent to `model` (an id); none for an absent or empty list. */
export function toTools(tools: unknown, model: string): Tool[] | undefined {
  const list = optional(tools, "tools", readArray) ?? [];
  if (list.length === 0) return undefined;
  const functionDeclarations = list.map((item, index) => {
    const param = childParam("tools", index);
    const tool = readRecord(item, param);
    const type = optional(tool.type, childParam(param, "type"), readString) ?? "function";
    if (type !== "function") {
      throw invalidValue(childParam(param, "type"), `expected 'function', got '${excerpt(type)}'.`);
    }
    const fnParam = childParam(param, "function");
    const fn = readRecord(tool.function, fnParam);
    const field = (key: string) => childParam(fnParam, key);
    return toFunctionDeclaration(
      {
        name: readString(fn.name, field("name")),
        description: optional(fn.description, field("description"), readString),
        parameters: optional(fn.parameters, field("parameters"), readRecord),
      },
      { name: field("name"), parameters: field("parameters") },
      model,
    );
  });
  return [{ functionDeclarations }];
}
