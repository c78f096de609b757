/**
 * OpenAI `tools`, `tool_choice` (and legacy `functions`, `function_call`) → Gemini `tools` and
 * `toolConfig`.
 *
 * Function tools become one `functionDeclarations` tool ({@linkcode toFunctionDeclaration}). Gemini's built-in tools are reached with a tool of type `google_search`,
 * `code_execution` or `url_context` (camelCase too), a function named `googleSearch` or
 * `google_search`, `web_search_options`, or the Gemini options `url_context` and
 * `code_execution`.
 * @module
 */

import { toolChoiceMode } from "../tool_choice_mode.ts";
import { excerpt } from "../../core/excerpt.ts";
import type { FunctionDeclaration, Tool, ToolConfig } from "../../gemini/types.ts";
import {
  childParam,
  type Field,
  invalidValue,
  isRecord,
  optional,
  readArray,
  readRecord,
  readString,
  wrongType,
} from "../../http/fields.ts";
import { toFunctionDeclaration } from "../../core/function_declaration.ts";

/** Gemini's tools and how the model may call them. */
export interface ToolSettings {
  tools?: Tool[];
  toolConfig?: ToolConfig;
}

/** The built-in tools asked for through the Gemini options (`google.url_context`…). */
export interface BuiltinToolOptions {
  urlContext?: Field;
  codeExecution?: Field;
}

type Builtin = "googleSearch" | "codeExecution" | "urlContext";

const BUILTIN_TYPES: Record<string, Builtin> = {
  google_search: "googleSearch",
  googleSearch: "googleSearch",
  code_execution: "codeExecution",
  codeExecution: "codeExecution",
  url_context: "urlContext",
  urlContext: "urlContext",
};

const SEARCH_FUNCTION_NAMES = ["googleSearch", "google_search"];

/** The tools of `body` for `model` (without `models/`), plus the built-ins of `options`. */
export function toTools(
  body: Record<string, unknown>,
  model: string,
  options: BuiltinToolOptions = {},
): ToolSettings {
  const declarations: FunctionDeclaration[] = [];
  const builtins = new Set<Builtin>();
  const declare = (value: unknown, param: string) => {
    const declaration = toDeclaration(value, param, model);
    if (SEARCH_FUNCTION_NAMES.includes(declaration.name)) {
      builtins.add("googleSearch");
    } else if (declarations.some(({ name }) => name === declaration.name)) {
      throw invalidValue(
        childParam(param, "name"),
        `the function name '${excerpt(declaration.name)}' is declared twice.`,
      );
    } else {
      declarations.push(declaration);
    }
  };

  optional(body.tools, "tools", readArray)?.forEach((item, index) => {
    const param = childParam("tools", index);
    const tool = readRecord(item, param);
    const type = optional(tool.type, childParam(param, "type"), readString) ?? "function";
    if (type === "function") declare(tool.function, childParam(param, "function"));
    else if (BUILTIN_TYPES[type]) builtins.add(BUILTIN_TYPES[type]);
    else {
      throw invalidValue(
        childParam(param, "type"),
        `unknown tool type '${
          excerpt(type)
        }'; expected function, google_search, code_execution or url_context.`,
      );
    }
  });
  optional(body.functions, "functions", readArray)?.forEach((item, index) =>
    declare(item, childParam("functions", index))
  );
  if (optional(body.web_search_options, "web_search_options", readRecord)) {
    builtins.add("googleSearch");
  }
  if (isEnabled(options.urlContext)) builtins.add("urlContext");
  if (isEnabled(options.codeExecution)) builtins.add("codeExecution");

  const tools: Tool[] = declarations.length > 0 ? [{ functionDeclarations: declarations }] : [];
  for (const builtin of builtins) tools.push({ [builtin]: {} });
  const toolConfig = toToolConfig(body, declarations.map(({ name }) => name));
  return {
    ...(tools.length > 0 && { tools }),
    ...(toolConfig && { toolConfig }),
  };
}

function toDeclaration(value: unknown, param: string, model: string): FunctionDeclaration {
  const fn = readRecord(value, param);
  const nameParam = childParam(param, "name");
  const parametersParam = childParam(param, "parameters");
  return toFunctionDeclaration(
    {
      name: readString(fn.name, nameParam),
      description: optional(fn.description, childParam(param, "description"), readString),
      parameters: optional(fn.parameters, parametersParam, readRecord),
    },
    { name: nameParam, parameters: parametersParam },
    model,
  );
}

/** Whether a built-in tool option is on: `true` or an object; `false` or absent is off. */
function isEnabled(option: Field | undefined): boolean {
  if (option === undefined || option.value === false) return false;
  if (option.value === true || isRecord(option.value)) return true;
  throw wrongType(option.param, "a boolean or an object", option.value);
}

/** `tool_choice` (or legacy `function_call`) → `toolConfig`, given the declared `names`. */
function toToolConfig(body: Record<string, unknown>, names: string[]): ToolConfig | undefined {
  const legacy = body.tool_choice === undefined || body.tool_choice === null;
  const param = legacy ? "function_call" : "tool_choice";
  const choice = (legacy ? body.function_call : body.tool_choice) ?? undefined;
  if (choice === undefined) return undefined;
  let config: ToolConfig["functionCallingConfig"];
  if (typeof choice === "string") {
    config = { mode: toolChoiceMode(choice, param) };
  } else if (isRecord(choice)) {
    const type = optional(choice.type, childParam(param, "type"), readString);
    if (type !== undefined && type !== "function") {
      throw invalidValue(childParam(param, "type"), `expected 'function', got '${excerpt(type)}'.`);
    }
    const fn = legacy ? choice : readRecord(choice.function, childParam(param, "function"));
    const name = readString(fn.name, legacy ? `${param}.name` : `${param}.function.name`);
    if (!names.includes(name)) {
      throw invalidValue(param, `no function named '${excerpt(name)}' is declared in the tools.`);
    }
    config = { mode: "ANY", allowedFunctionNames: [name] };
  } else {
    throw wrongType(param, "one of a string or an object", choice);
  }
  if (names.length > 0) return { functionCallingConfig: config };
  if (config.mode === "ANY") {
    throw invalidValue(param, `'${excerpt(String(choice))}' requires at least one function tool.`);
  }
  return undefined;
}
