/**
 * Anthropic `tools` and `tool_choice` → Gemini `tools` and `toolConfig`.
 *
 * Custom tools (`name`, `description`, `input_schema`) become one `functionDeclarations` tool
 * through the shared schema conversion; `cache_control`, `defer_loading` and the like are
 * ignored. Anthropic's server tools map to Gemini's built-ins where one does the same job:
 * `web_search_*` → `googleSearch`, `web_fetch_*` → `urlContext`, `code_execution_*` →
 * `codeExecution`.
 *
 * | `tool_choice` | `functionCallingConfig` |
 * |---|---|
 * | `auto` (or absent) | `AUTO` (Gemini's default, not sent) |
 * | `any` | `ANY` |
 * | `tool` with `name` | `ANY` with `allowedFunctionNames: [name]` |
 * | `none` | `NONE` |
 *
 * `disable_parallel_tool_use` has no Gemini switch: the answer keeps the first call only.
 * @module
 */

import { excerpt } from "../core/excerpt.ts";
import { toFunctionDeclaration } from "../core/function_declaration.ts";
import type { FunctionDeclaration, Tool, ToolConfig } from "../gemini/types.ts";
import {
  childParam,
  invalidValue,
  optional,
  readArray,
  readBoolean,
  readRecord,
  readString,
} from "../http/fields.ts";

/** Gemini's tools, how the model may call them, and whether to keep one call only. */
export interface ToolSettings {
  tools?: Tool[];
  toolConfig?: ToolConfig;
  /** `tool_choice.disable_parallel_tool_use`. */
  singleToolUse: boolean;
}

type Builtin = "googleSearch" | "urlContext" | "codeExecution";

const BUILTINS: [RegExp, Builtin][] = [
  [/^web_search_/, "googleSearch"],
  [/^web_fetch_/, "urlContext"],
  [/^code_execution_/, "codeExecution"],
];

/** The tools and tool choice of `body` for `model` (without `models/`). */
export function toToolSettings(body: Record<string, unknown>, model: string): ToolSettings {
  const declarations: FunctionDeclaration[] = [];
  const builtins = new Set<Builtin>();
  optional(body.tools, "tools", readArray)?.forEach((item, index) => {
    const param = childParam("tools", index);
    const tool = readRecord(item, param);
    const type = optional(tool.type, childParam(param, "type"), readString) ?? "custom";
    if (type !== "custom") {
      const builtin = BUILTINS.find(([pattern]) => pattern.test(type))?.[1];
      if (!builtin) {
        throw invalidValue(
          childParam(param, "type"),
          `the tool type '${
            excerpt(type)
          }' has no Gemini counterpart; use custom tools, web_search, web_fetch or code_execution.`,
        );
      }
      builtins.add(builtin);
      return;
    }
    const nameParam = childParam(param, "name");
    const schemaParam = childParam(param, "input_schema");
    const declaration = toFunctionDeclaration(
      {
        name: readString(tool.name, nameParam),
        description: optional(tool.description, childParam(param, "description"), readString),
        parameters: readRecord(tool.input_schema, schemaParam),
      },
      { name: nameParam, parameters: schemaParam },
      model,
    );
    if (declarations.some(({ name }) => name === declaration.name)) {
      throw invalidValue(nameParam, `the tool name '${declaration.name}' is declared twice.`);
    }
    declarations.push(declaration);
  });
  const tools: Tool[] = declarations.length > 0 ? [{ functionDeclarations: declarations }] : [];
  for (const builtin of builtins) tools.push({ [builtin]: {} });
  const { toolConfig, singleToolUse } = toToolChoice(
    body.tool_choice,
    declarations.map(({ name }) => name),
  );
  return {
    ...(tools.length > 0 && { tools }),
    ...(toolConfig && { toolConfig }),
    singleToolUse,
  };
}

function toToolChoice(
  value: unknown,
  names: string[],
): { toolConfig?: ToolConfig; singleToolUse: boolean } {
  const choice = optional(value, "tool_choice", readRecord);
  if (!choice) return { singleToolUse: false };
  const type = readString(choice.type, "tool_choice.type");
  const singleToolUse = optional(
    choice.disable_parallel_tool_use,
    "tool_choice.disable_parallel_tool_use",
    readBoolean,
  ) ?? false;
  let config: NonNullable<ToolConfig["functionCallingConfig"]>;
  switch (type) {
    case "auto":
      return { singleToolUse };
    case "none":
      config = { mode: "NONE" };
      break;
    case "any":
      config = { mode: "ANY" };
      break;
    case "tool": {
      const name = readString(choice.name, "tool_choice.name");
      if (!names.includes(name)) {
        throw invalidValue(
          "tool_choice.name",
          `no tool named '${excerpt(name)}' is declared in the tools.`,
        );
      }
      config = { mode: "ANY", allowedFunctionNames: [name] };
      break;
    }
    default:
      throw invalidValue(
        "tool_choice.type",
        `unknown value '${excerpt(type)}'; expected auto, any, tool or none.`,
      );
  }
  if (names.length === 0) {
    if (config.mode === "NONE") return { singleToolUse };
    throw invalidValue("tool_choice", `'${type}' requires at least one custom tool.`);
  }
  return { toolConfig: { functionCallingConfig: config }, singleToolUse };
}
