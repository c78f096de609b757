/**
 * Request validation as the real API's proto parser and checks do it, with the real 400 bodies.
 *
 * Field names are accepted in camelCase or snake_case; unknown names are reported with their
 * proto path (`generation_config.response_schema.properties[0].value`). A valid request comes
 * back normalized to camelCase, with single values of repeated fields wrapped in arrays.
 * @module
 */

import { mediaRefusal } from "./media.ts";
import { isRecord } from "../http/fields.ts";
import { modelFamily, thinkingLevels } from "../core/model_family.ts";
import type {
  BatchEmbedContentsRequest,
  Content,
  EmbedContentRequest,
  GeminiErrorBody,
  GenerateContentRequest,
} from "../gemini/types.ts";
import { errorBody } from "./wire.ts";

/** The body of `countTokens`. */
export interface CountTokensRequest {
  contents?: Content[];
  generateContentRequest?: GenerateContentRequest;
}

/** A normalized request, or the error body the real API would answer it with. */
export type Validation<T> = { request: T } | { error: GeminiErrorBody };

/** A proto message: its fields by JSON (camelCase) name, plus extra accepted spellings. */
interface Message {
  name: string;
  fields: Record<string, Field>;
  aliases?: Record<string, string>;
}

/** What a field holds: a primitive, base64 bytes, a free JSON value, a `Type`, or messages. */
type Field =
  | "scalar"
  | "bytes"
  | "value"
  | "type"
  | Message
  | { list: Message }
  | { map: Message };

const TYPES = [
  "TYPE_UNSPECIFIED",
  "STRING",
  "NUMBER",
  "INTEGER",
  "BOOLEAN",
  "ARRAY",
  "OBJECT",
  "NULL",
];

const SCHEMA: Message = { name: "Schema", fields: {} };
Object.assign(SCHEMA.fields, {
  type: "type",
  format: "scalar",
  title: "scalar",
  description: "scalar",
  nullable: "scalar",
  enum: "scalar",
  items: SCHEMA,
  minItems: "scalar",
  maxItems: "scalar",
  properties: { map: SCHEMA },
  required: "scalar",
  minProperties: "scalar",
  maxProperties: "scalar",
  minimum: "scalar",
  maximum: "scalar",
  minLength: "scalar",
  maxLength: "scalar",
  pattern: "scalar",
  example: "value",
  anyOf: { list: SCHEMA },
  propertyOrdering: "scalar",
  default: "value",
});

const PART: Message = {
  name: "Part",
  fields: {
    text: "scalar",
    inlineData: { name: "Blob", fields: { mimeType: "scalar", data: "bytes" } },
    fileData: { name: "FileData", fields: { mimeType: "scalar", fileUri: "scalar" } },
    functionCall: {
      name: "FunctionCall",
      fields: { id: "scalar", name: "scalar", args: "value" },
    },
    functionResponse: {
      name: "FunctionResponse",
      fields: {
        id: "scalar",
        name: "scalar",
        response: "value",
        parts: "value",
        willContinue: "scalar",
        scheduling: "scalar",
      },
    },
    executableCode: { name: "ExecutableCode", fields: { language: "scalar", code: "scalar" } },
    codeExecutionResult: {
      name: "CodeExecutionResult",
      fields: { outcome: "scalar", output: "scalar" },
    },
    videoMetadata: {
      name: "VideoMetadata",
      fields: { startOffset: "scalar", endOffset: "scalar", fps: "scalar" },
    },
    thought: "scalar",
    thoughtSignature: "bytes",
    partMetadata: "value",
    mediaResolution: "value",
  },
};

const CONTENT: Message = { name: "Content", fields: { parts: { list: PART }, role: "scalar" } };

const FUNCTION_DECLARATION: Message = {
  name: "FunctionDeclaration",
  fields: {
    name: "scalar",
    description: "scalar",
    parameters: SCHEMA,
    parametersJsonSchema: "value",
    response: SCHEMA,
    responseJsonSchema: "value",
    behavior: "scalar",
  },
};

const TOOL: Message = {
  name: "Tool",
  fields: {
    functionDeclarations: { list: FUNCTION_DECLARATION },
    googleSearchRetrieval: "value",
    codeExecution: "value",
    googleSearch: { name: "GoogleSearch", fields: { timeRangeFilter: "value" } },
    computerUse: "value",
    urlContext: "value",
    fileSearch: "value",
    googleMaps: "value",
  },
};

const TOOL_CONFIG: Message = {
  name: "ToolConfig",
  fields: {
    functionCallingConfig: {
      name: "FunctionCallingConfig",
      fields: { mode: "scalar", allowedFunctionNames: "scalar" },
    },
    retrievalConfig: "value",
  },
};

const SAFETY_SETTING: Message = {
  name: "SafetySetting",
  fields: { category: "scalar", threshold: "scalar" },
};

/** The `GenerationConfig` fields v1 also has. */
const V1_GENERATION_FIELDS: Record<string, Field> = {
  candidateCount: "scalar",
  stopSequences: "scalar",
  maxOutputTokens: "scalar",
  temperature: "scalar",
  topP: "scalar",
  topK: "scalar",
  seed: "scalar",
  presencePenalty: "scalar",
  frequencyPenalty: "scalar",
  responseLogprobs: "scalar",
  logprobs: "scalar",
  enableEnhancedCivicAnswers: "scalar",
};

const GENERATION_CONFIG: Message = {
  name: "GenerationConfig",
  fields: {
    ...V1_GENERATION_FIELDS,
    responseMimeType: "scalar",
    responseSchema: SCHEMA,
    responseJsonSchema: "value",
    responseModalities: "scalar",
    speechConfig: "value",
    thinkingConfig: {
      name: "ThinkingConfig",
      fields: { includeThoughts: "scalar", thinkingBudget: "scalar", thinkingLevel: "scalar" },
    },
    imageConfig: "value",
    mediaResolution: "scalar",
  },
  aliases: {
    _responseJsonSchema: "responseJsonSchema",
    response_json_schema_ordered: "responseJsonSchema",
  },
};

const GENERATE_CONTENT_REQUEST: Message = {
  name: "GenerateContentRequest",
  fields: {
    model: "scalar",
    contents: { list: CONTENT },
    systemInstruction: CONTENT,
    tools: { list: TOOL },
    toolConfig: TOOL_CONFIG,
    safetySettings: { list: SAFETY_SETTING },
    generationConfig: GENERATION_CONFIG,
    cachedContent: "scalar",
  },
};

/** v1 lacks `systemInstruction`, tools and most of `GenerationConfig`. */
const V1_GENERATE_CONTENT_REQUEST: Message = {
  name: "GenerateContentRequest",
  fields: {
    model: "scalar",
    contents: { list: CONTENT },
    safetySettings: { list: SAFETY_SETTING },
    generationConfig: { name: "GenerationConfig", fields: V1_GENERATION_FIELDS },
  },
};

function countTokensMessage(generate: Message): Message {
  return {
    name: "CountTokensRequest",
    fields: { contents: { list: CONTENT }, generateContentRequest: generate },
  };
}

const EMBED_CONTENT_REQUEST: Message = {
  name: "EmbedContentRequest",
  fields: {
    model: "scalar",
    content: CONTENT,
    taskType: "scalar",
    title: "scalar",
    outputDimensionality: "scalar",
  },
};

const BATCH_EMBED_CONTENTS_REQUEST: Message = {
  name: "BatchEmbedContentsRequest",
  fields: { requests: { list: EMBED_CONTENT_REQUEST } },
};

/** One entry of a `google.rpc.BadRequest`. */
interface Violation {
  field?: string;
  description: string;
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The JSON name each accepted spelling of a message's fields stands for. */
const spellings = new WeakMap<Message, Map<string, string>>();

function accepted(message: Message): Map<string, string> {
  let names = spellings.get(message);
  if (!names) {
    names = new Map();
    for (const name of Object.keys(message.fields)) {
      names.set(name, name);
      names.set(snakeCase(name), name);
    }
    for (const [alias, name] of Object.entries(message.aliases ?? {})) names.set(alias, name);
    spellings.set(message, names);
  }
  return names;
}

function join(path: string, segment: string): string {
  return path ? `${path}.${segment}` : segment;
}

function invalidValue(path: string, type: string, value: unknown): Violation {
  return {
    field: path,
    description: `Invalid value at '${path}' (${type}), ${JSON.stringify(value)}`,
  };
}

const TYPE_URL = "type.googleapis.com/google.ai.generativelanguage.v1beta";

/**
 * Parses `value` as `message` the way the proto JSON parser does: records unknown names and
 * ill-typed values in `violations`, and returns the value with camelCase names.
 */
function parseMessage(
  message: Message,
  value: unknown,
  path: string,
  violations: Violation[],
): Record<string, unknown> {
  if (!isRecord(value)) {
    violations.push(invalidValue(path, `${TYPE_URL}.${message.name}`, value));
    return {};
  }
  const names = accepted(message);
  const parsed: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const name = names.get(key);
    if (!name) {
      const where = path ? ` at '${path}'` : "";
      const description =
        `Invalid JSON payload received. Unknown name "${key}"${where}: Cannot find field.`;
      violations.push(path ? { field: path, description } : { description });
      continue;
    }
    if (member === null) continue;
    parsed[name] = parseField(
      message.fields[name],
      member,
      join(path, snakeCase(name)),
      violations,
    );
  }
  return parsed;
}

/** Whether `value` decodes as standard or URL-safe base64, padded or not. */
function isBase64(value: string): boolean {
  const unpadded = value.replace(/={1,2}$/, "");
  if (unpadded !== value && value.length % 4 !== 0) return false;
  return /^[A-Za-z0-9+/_-]*$/.test(unpadded) && unpadded.length % 4 !== 1;
}

function parseField(field: Field, value: unknown, path: string, violations: Violation[]): unknown {
  if (field === "scalar" || field === "value") return value;
  if (field === "bytes") {
    if (typeof value !== "string" || !isBase64(value)) {
      violations.push({
        field: path,
        description: `Invalid value at '${path}' (TYPE_BYTES), Base64 decoding failed for ${
          JSON.stringify(value)
        }`,
      });
    }
    return value;
  }
  if (field === "type") {
    if (typeof value === "string" && TYPES.includes(value.toUpperCase())) return value;
    violations.push(invalidValue(path, `${TYPE_URL}.Type`, value));
    return value;
  }
  if ("list" in field) {
    const items = Array.isArray(value) ? value : [value];
    return items.map((item, index) =>
      parseMessage(field.list, item, `${path}[${index}]`, violations)
    );
  }
  if ("map" in field) {
    if (!isRecord(value)) {
      violations.push(invalidValue(path, `${TYPE_URL}.${field.map.name}`, value));
      return {};
    }
    return Object.fromEntries(
      Object.entries(value).map((
        [key, entry],
        index,
      ) => [key, parseMessage(field.map, entry, `${path}[${index}].value`, violations)]),
    );
  }
  return parseMessage(field, value, path, violations);
}

/** The 400 for proto parse failures, with a `google.rpc.BadRequest` detail. */
function badRequest(violations: Violation[]): GeminiErrorBody {
  return errorBody(400, violations.map((violation) => violation.description).join("\n"), [
    { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: violations },
  ]);
}

/** The 400 for field checks: one `* Message.path: reason` line each. */
function fieldErrors(lines: string[]): GeminiErrorBody {
  return errorBody(400, lines.map((line) => `* ${line}\n`).join(""));
}

/** A 400 with `message` alone. */
function invalidArgument(message: string): GeminiErrorBody {
  return errorBody(400, message);
}

/** The root must be a JSON object. */
function parseRoot(
  message: Message,
  body: unknown,
): { parsed: Record<string, unknown> } | { error: GeminiErrorBody } {
  if (!isRecord(body)) {
    return {
      error: badRequest([{
        description:
          'Invalid JSON payload received. Unknown name "": Root element must be a message.',
      }]),
    };
  }
  const violations: Violation[] = [];
  const parsed = parseMessage(message, body, "", violations);
  return violations.length ? { error: badRequest(violations) } : { parsed };
}

/** Structural checks of contents: present, non-empty parts, one data field per part. */
function contentLines(contents: Content[] | undefined, prefix: string): string[] {
  if (!contents?.length) return [`${prefix}.contents: contents is not specified`];
  const lines: string[] = [];
  contents.forEach((content, index) => {
    const path = `${prefix}.contents[${index}]`;
    if (!content.parts?.length) {
      lines.push(`${path}.parts: contents.parts must not be empty.`);
      return;
    }
    content.parts.forEach((part, partIndex) => {
      const data = ["text", "inlineData", "fileData", "functionCall", "functionResponse"]
        .concat(["executableCode", "codeExecutionResult"])
        .filter((key) => key in part);
      if (data.length !== 1) {
        lines.push(
          `${path}.parts[${partIndex}].data: required oneof field 'data' must have one initialized field`,
        );
      }
    });
  });
  return lines;
}

const SIGNATURE_MESSAGE =
  "Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call `default_api:{name}` , position {position}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.";

/**
 * Gemini 3 requires the signature it issued on the first function call of every model step of
 * the current turn (everything after the last user message with text).
 */
function missingSignature(contents: Content[]): GeminiErrorBody | undefined {
  const turnStart = contents.findLastIndex((content) =>
    content.role !== "model" && content.parts?.some((part) => typeof part.text === "string")
  );
  for (let index = Math.max(turnStart, 0); index < contents.length; index++) {
    const content = contents[index];
    if (content.role !== "model") continue;
    const call = content.parts?.find((part) => part.functionCall);
    if (call && !call.thoughtSignature) {
      return invalidArgument(
        SIGNATURE_MESSAGE.replace("{name}", call.functionCall!.name).replace(
          "{position}",
          String(index),
        ),
      );
    }
  }
  return undefined;
}

const REF_MESSAGE =
  "Schema.ref '{name}' was set alongside unsupported fields.  If a schema node has Schema.ref set, then only description and default can be set alongside it; other fields they would be replaced by the expanded reference.";

/** Keywords the API allows beside a `$ref`. */
const REF_SIBLINGS = ["$ref", "description", "default"];

/** The first `$ref` in raw JSON Schemas that has other keywords than the allowed ones beside it. */
function refWithSiblings(schema: unknown): string | undefined {
  if (Array.isArray(schema)) return schema.map(refWithSiblings).find((ref) => ref !== undefined);
  if (!isRecord(schema)) return undefined;
  if (
    typeof schema.$ref === "string" &&
    Object.keys(schema).some((key) => !REF_SIBLINGS.includes(key))
  ) {
    return schema.$ref;
  }
  return Object.values(schema).map(refWithSiblings).find((ref) => ref !== undefined);
}

/** Every function response must answer a function called earlier in the conversation. */
function unansweredResponse(contents: Content[]): boolean {
  const called = new Set<string>();
  for (const content of contents) {
    for (const part of content.parts ?? []) {
      if (part.functionResponse && !called.has(part.functionResponse.name)) return true;
      if (part.functionCall) called.add(part.functionCall.name);
    }
  }
  return false;
}

/** The semantic checks of a parsed `GenerateContentRequest`, in the order the API applies them. */
function checkGenerate(
  request: GenerateContentRequest,
  model: string,
  prefix: string,
): GeminiErrorBody | undefined {
  const lines = contentLines(request.contents, prefix);
  const thinking = request.generationConfig?.thinkingConfig;
  if (thinking?.thinkingBudget !== undefined && thinking.thinkingLevel !== undefined) {
    lines.push(
      `${prefix}.generation_config.thinking_config: thinking_budget and thinking_level must not both be set`,
    );
  }
  if (lines.length) return fieldErrors(lines);
  const level = thinking?.thinkingLevel?.toUpperCase();
  if (level !== undefined && modelFamily(model) === "level") {
    if (!(thinkingLevels(model) as string[]).includes(level)) {
      return invalidArgument(`Thinking level ${level} is not supported for this model.`);
    }
  }
  if (level !== undefined && modelFamily(model) !== "level") {
    return invalidArgument("Thinking level is not supported for this model.");
  }
  if (
    request.contents.some((content) => content.role && !["user", "model"].includes(content.role))
  ) {
    return invalidArgument("Please use a valid role: user, model.");
  }
  const config = request.generationConfig;
  if (config?.responseSchema && config.responseJsonSchema !== undefined) {
    return invalidArgument("response_schema must not be set when response_json_schema is set.");
  }
  const declarations = request.tools?.flatMap((tool) => tool.functionDeclarations ?? []) ?? [];
  if (declarations.some((fn) => fn.parameters && fn.parametersJsonSchema !== undefined)) {
    return invalidArgument("parameters must not be set when parameters_json_schema is set.");
  }
  const ref = refWithSiblings([
    config?.responseJsonSchema,
    ...declarations.map((fn) => fn.parametersJsonSchema),
  ]);
  if (ref !== undefined) {
    return invalidArgument(REF_MESSAGE.replace("{name}", ref.replace(/^.*\//, "")));
  }
  if (modelFamily(model) === "level") {
    const error = missingSignature(request.contents);
    if (error) return error;
  }
  if (unansweredResponse(request.contents)) {
    return invalidArgument("Request contains an invalid argument.");
  }
  return mediaRefusal(model, request);
}

function generateMessage(version: string): Message {
  return version === "v1" ? V1_GENERATE_CONTENT_REQUEST : GENERATE_CONTENT_REQUEST;
}

/** Validates a `generateContent` / `streamGenerateContent` body for `model` on API `version`. */
export function validateGenerateContent(
  body: unknown,
  model: string,
  version: string,
): Validation<GenerateContentRequest> {
  const root = parseRoot(generateMessage(version), body);
  if ("error" in root) return root;
  const request = root.parsed as unknown as GenerateContentRequest;
  const error = checkGenerate(request, model, "GenerateContentRequest");
  return error ? { error } : { request };
}

/** Validates a `countTokens` body: `contents`, or a whole `generateContentRequest`. */
export function validateCountTokens(
  body: unknown,
  model: string,
  version: string,
): Validation<CountTokensRequest> {
  const root = parseRoot(countTokensMessage(generateMessage(version)), body);
  if ("error" in root) return root;
  const request = root.parsed as CountTokensRequest;
  const error = request.generateContentRequest
    ? checkGenerate(
      request.generateContentRequest,
      model,
      "CountTokensRequest.generate_content_request",
    )
    : request.contents?.length
    ? undefined
    : fieldErrors(["CountTokensRequest.contents: contents is not specified"]);
  return error ? { error } : { request };
}

function isEmptyContent(content: Content | undefined): boolean {
  return !content?.parts?.length ||
    content.parts.some((part) => Object.keys(part).length === 0 || part.text === "");
}

const EMPTY_PART = "EmbedContentRequest.content contains an empty Part.";

/** Validates an `embedContent` body. */
export function validateEmbedContent(body: unknown): Validation<EmbedContentRequest> {
  const root = parseRoot(EMBED_CONTENT_REQUEST, body);
  if ("error" in root) return root;
  const request = root.parsed as unknown as EmbedContentRequest;
  return isEmptyContent(request.content) ? { error: invalidArgument(EMPTY_PART) } : { request };
}

/** The most requests one `batchEmbedContents` call may carry. */
export const MAX_BATCH_EMBED = 100;

/** Validates a `batchEmbedContents` body sent to `model` (each request must name it). */
export function validateBatchEmbedContents(
  body: unknown,
  model: string,
): Validation<BatchEmbedContentsRequest> {
  const root = parseRoot(BATCH_EMBED_CONTENTS_REQUEST, body);
  if ("error" in root) return root;
  const request = root.parsed as unknown as BatchEmbedContentsRequest;
  const requests = request.requests ?? [];
  if (requests.length > MAX_BATCH_EMBED) {
    return {
      error: fieldErrors([
        `BatchEmbedContentsRequest.requests: at most ${MAX_BATCH_EMBED} requests can be in one batch`,
      ]),
    };
  }
  const lines = requests.flatMap((item, index) =>
    item.model === `models/${model}`
      ? []
      : [`BatchEmbedContentsRequest.requests[${index}].model: unexpected model name format`]
  );
  if (lines.length) return { error: fieldErrors(lines) };
  if (requests.some((item) => isEmptyContent(item.content))) {
    return { error: invalidArgument(EMPTY_PART) };
  }
  return { request: { ...request, requests } };
}
