/**
 * Checks that Gemini's answers have the shape the gateway reads, at the client boundary, so that
 * a wrong-shaped answer is a 502 for every dialect and never a failure deeper in a translation.
 *
 * Only the fields the gateway reads are checked; unknown fields pass, and `null` counts as absent.
 * @module
 */

import { GatewayError } from "../core/errors.ts";
import { isRecord } from "../http/fields.ts";

/** What a value must be: a primitive, any JSON object, a list of one shape, or known fields. */
export type Shape =
  | "string"
  | "number"
  | "boolean"
  | "object"
  | { list: Shape }
  | { fields: Record<string, Shape>; required?: string[] };

const list = (item: Shape): Shape => ({ list: item });
const fields = (shapes: Record<string, Shape>, required: string[] = []): Shape => ({
  fields: shapes,
  required,
});

const LOGPROBS_CANDIDATE = fields({ token: "string", tokenId: "number", logProbability: "number" });

const PART = fields({
  text: "string",
  thought: "boolean",
  thoughtSignature: "string",
  inlineData: fields({ mimeType: "string", data: "string" }),
  fileData: fields({ mimeType: "string", fileUri: "string" }),
  functionCall: fields({ id: "string", name: "string", args: "object" }, ["name"]),
  executableCode: fields({ language: "string", code: "string" }),
  codeExecutionResult: fields({ outcome: "string", output: "string" }),
});

const CANDIDATE = fields({
  content: fields({ role: "string", parts: list(PART) }),
  finishReason: "string",
  finishMessage: "string",
  index: "number",
  groundingMetadata: fields({
    webSearchQueries: list("string"),
    groundingChunks: list(fields({ web: fields({ uri: "string", title: "string" }) })),
    groundingSupports: list(fields({
      segment: fields({
        partIndex: "number",
        startIndex: "number",
        endIndex: "number",
        text: "string",
      }),
      groundingChunkIndices: list("number"),
    })),
    searchEntryPoint: fields({ renderedContent: "string" }),
  }),
  logprobsResult: fields({
    topCandidates: list(fields({ candidates: list(LOGPROBS_CANDIDATE) })),
    chosenCandidates: list(LOGPROBS_CANDIDATE),
    logProbabilitySum: "number",
  }),
});

const COUNT = "number";

/** `GenerateContentResponse`, the answer of `generateContent` and each event of a stream. */
export const GENERATE_CONTENT_RESPONSE: Shape = fields({
  candidates: list(CANDIDATE),
  promptFeedback: fields({ blockReason: "string", blockReasonMessage: "string" }),
  usageMetadata: fields({
    promptTokenCount: COUNT,
    cachedContentTokenCount: COUNT,
    candidatesTokenCount: COUNT,
    toolUsePromptTokenCount: COUNT,
    thoughtsTokenCount: COUNT,
    totalTokenCount: COUNT,
  }),
  modelVersion: "string",
  responseId: "string",
});

/** `Model`, the answer of `models.get`. */
export const MODEL: Shape = fields({ name: "string" }, ["name"]);

/** `ListModelsResponse`, one page of `models.list`. */
export const LIST_MODELS_RESPONSE: Shape = fields({
  models: list(MODEL),
  nextPageToken: "string",
});

/** `BatchEmbedContentsResponse`. */
export const BATCH_EMBED_CONTENTS_RESPONSE: Shape = fields({
  embeddings: list(fields({ values: list("number") })),
  usageMetadata: fields({ promptTokenCount: COUNT }),
});

/** `CountTokensResponse`. */
export const COUNT_TOKENS_RESPONSE: Shape = fields({
  totalTokens: COUNT,
  cachedContentTokenCount: COUNT,
});

/** `value` as `T` if it has `shape`; else a 502 naming where it differs. */
export function checkShape<T>(value: unknown, shape: Shape): T {
  const failure = mismatch(value, shape);
  if (failure) {
    throw new GatewayError(
      502,
      `Gemini sent a response of an unexpected shape: ${describe(failure)}.`,
      "api_error",
      null,
      "upstream_bad_response",
    );
  }
  return value as T;
}

/** Where a value differs from its shape: the path to it (innermost last) and how. */
interface Mismatch {
  path: (string | number)[];
  problem: string;
}

/**
 * Where `value` differs from `shape`, if it does. The path is only built on the way out of a
 * failure, so that a well-shaped answer (the usual case) costs no string or array.
 */
function mismatch(value: unknown, shape: Shape): Mismatch | undefined {
  if (typeof shape === "string") {
    if (shape === "object") return isRecord(value) ? undefined : problem("is not an object");
    const type: string = typeof value;
    return type === shape ? undefined : problem(`is not a ${shape}`);
  }
  if ("list" in shape) {
    if (!Array.isArray(value)) return problem("is not an array");
    for (let index = 0; index < value.length; index++) {
      const failure = mismatch(value[index], shape.list);
      if (failure) return within(index, failure);
    }
    return undefined;
  }
  if (!isRecord(value)) return problem("is not an object");
  for (const key in shape.fields) {
    const child = value[key];
    if (child === undefined || child === null) {
      if (shape.required?.includes(key)) return within(key, problem("is missing"));
      continue;
    }
    const failure = mismatch(child, shape.fields[key]);
    if (failure) return within(key, failure);
  }
  return undefined;
}

function problem(text: string): Mismatch {
  return { path: [], problem: text };
}

function within(step: string | number, failure: Mismatch): Mismatch {
  failure.path.push(step);
  return failure;
}

/** `candidates[0].content is not an object`, or `the response is not an object`. */
function describe({ path, problem }: Mismatch): string {
  let where = "";
  for (let index = path.length - 1; index >= 0; index--) {
    const step = path[index];
    where = typeof step === "number" ? `${where}[${step}]` : where ? `${where}.${step}` : step;
  }
  return `${where || "the response"} ${problem}`;
}
