/**
 * Responses API `tools` and `tool_choice` → Gemini `tools` and `toolConfig`.
 *
 * - `function` tools become function declarations (through the shared schema conversion).
 * - `namespace` tools (Codex) are flattened: each function or custom tool inside is declared
 *   as `<namespace>.<name>`, and its calls are given back as `name` plus `namespace`.
 * - `custom` tools (free-form text input) are declared as a function of one string argument,
 *   `input`; their calls come back as `custom_tool_call` items.
 * - `web_search` (and `web_search_preview`) become Google Search grounding only when no
 *   function is declared: Gemini 2.x refuses Google Search together with function calling.
 * - Hosted tools Gemini has no counterpart for (file search, computer use, MCP, image
 *   generation…) are left out.
 * @module
 */

import { TOOL_CHOICE_MODES, toolChoiceMode } from "../tool_choice_mode.ts";
import { excerpt } from "../../core/excerpt.ts";
import { toFunctionDeclaration } from "../../core/function_declaration.ts";
import type { FunctionDeclaration, Tool, ToolConfig } from "../../gemini/types.ts";
import {
  childParam,
  invalidValue,
  isRecord,
  optional,
  readArray,
  readRecord,
  readString,
  wrongType,
} from "../../http/fields.ts";

/** How a Gemini function name reads back as the client's tool. */
export interface ToolName {
  name: string;
  namespace?: string;
  /** A custom tool: its calls carry `input` text instead of JSON arguments. */
  custom: boolean;
}

/** Gemini's tools, how the model may call them, and the names to give calls back with. */
export interface ResponseTools {
  tools?: Tool[];
  toolConfig?: ToolConfig;
  /** Gemini function name → the client's tool. */
  names: Map<string, ToolName>;
}

const SEARCH_TYPES = [
  "web_search",
  "web_search_preview",
  "web_search_2025_08_26",
  "web_search_preview_2025_03_11",
];

/** The single argument a custom tool's declaration takes. */
const CUSTOM_PARAMETERS = {
  type: "object",
  properties: { input: { type: "string", description: "The tool's input, as free-form text." } },
  required: ["input"],
};

/** The Gemini function name of the client's tool `name` in `namespace`. */
export function geminiName(name: string, namespace?: string): string {
  return namespace ? `${namespace}.${name}` : name;
}

/** Reads `tools` and `tool_choice` of `body` for `model` (without `models/`). */
export function toResponseTools(body: Record<string, unknown>, model: string): ResponseTools {
  const declarations: FunctionDeclaration[] = [];
  const names = new Map<string, ToolName>();
  let search = false;
  const declare = (tool: Record<string, unknown>, param: string, namespace?: string) => {
    const type = readString(tool.type, childParam(param, "type"));
    const name = readString(tool.name, childParam(param, "name"));
    const description = optional(tool.description, childParam(param, "description"), readString);
    const custom = type === "custom";
    const parameters = custom
      ? CUSTOM_PARAMETERS
      : optional(tool.parameters, childParam(param, "parameters"), readRecord);
    const full = geminiName(name, namespace);
    if (names.has(full)) {
      throw invalidValue(
        childParam(param, "name"),
        `the tool name '${excerpt(full)}' is declared twice.`,
      );
    }
    declarations.push(
      toFunctionDeclaration(
        { name: full, description, parameters },
        { name: childParam(param, "name"), parameters: childParam(param, "parameters") },
        model,
      ),
    );
    names.set(full, namespace ? { name, namespace, custom } : { name, custom });
  };

  optional(body.tools, "tools", readArray)?.forEach((item, index) => {
    const param = childParam("tools", index);
    const tool = readRecord(item, param);
    const type = readString(tool.type, childParam(param, "type"));
    if (type === "function" || type === "custom") declare(tool, param);
    else if (type === "namespace") {
      const namespace = readString(tool.name, childParam(param, "name"));
      readArray(tool.tools, childParam(param, "tools")).forEach((inner, at) => {
        const innerParam = childParam(childParam(param, "tools"), at);
        const innerTool = readRecord(inner, innerParam);
        const innerType = readString(innerTool.type, childParam(innerParam, "type"));
        if (innerType !== "function" && innerType !== "custom") {
          throw invalidValue(
            childParam(innerParam, "type"),
            `expected 'function' or 'custom', got '${excerpt(innerType)}'.`,
          );
        }
        declare(innerTool, innerParam, namespace);
      });
    } else if (SEARCH_TYPES.includes(type)) search = true;
  });

  const tools: Tool[] = [];
  if (declarations.length > 0) tools.push({ functionDeclarations: declarations });
  else if (search) tools.push({ googleSearch: {} });
  const toolConfig = toToolConfig(body.tool_choice ?? undefined, names);
  return {
    ...(tools.length > 0 && { tools }),
    ...(toolConfig && { toolConfig }),
    names,
  };
}

/** `tool_choice` → `toolConfig`, given the declared `names`. */
function toToolConfig(choice: unknown, names: Map<string, ToolName>): ToolConfig | undefined {
  const param = "tool_choice";
  if (choice === undefined) return undefined;
  let config: NonNullable<ToolConfig["functionCallingConfig"]>;
  if (typeof choice === "string") {
    config = { mode: toolChoiceMode(choice, param) };
  } else if (isRecord(choice)) {
    const type = readString(choice.type, childParam(param, "type"));
    if (type === "function" || type === "custom") {
      const name = readString(choice.name, childParam(param, "name"));
      const namespace = optional(choice.namespace, childParam(param, "namespace"), readString);
      const full = geminiName(name, namespace);
      if (!names.has(full)) {
        throw invalidValue(param, `no tool named '${excerpt(full)}' is declared in the tools.`);
      }
      config = { mode: "ANY", allowedFunctionNames: [full] };
    } else if (type === "allowed_tools") {
      const mode = optional(choice.mode, childParam(param, "mode"), readString) ?? "auto";
      if (mode !== "auto" && mode !== "required") {
        throw invalidValue(
          childParam(param, "mode"),
          `expected auto or required, got '${excerpt(mode)}'.`,
        );
      }
      const allowed = readArray(choice.tools, childParam(param, "tools")).flatMap((item, index) => {
        const tool = readRecord(item, childParam(childParam(param, "tools"), index));
        return typeof tool.name === "string"
          ? [geminiName(tool.name, tool.namespace as string)]
          : [];
      }).filter((name) => names.has(name));
      config = {
        mode: TOOL_CHOICE_MODES[mode],
        ...(allowed.length > 0 && { allowedFunctionNames: allowed }),
      };
    } else {
      // A hosted tool (web_search, file_search…): the model decides, as with `auto`.
      config = { mode: "AUTO" };
    }
  } else {
    throw wrongType(param, "one of a string or an object", choice);
  }
  if (names.size > 0) return { functionCallingConfig: config };
  if (config.mode === "ANY") {
    throw invalidValue(param, "this tool choice requires at least one function tool.");
  }
  return undefined;
}
