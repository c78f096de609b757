/**
 * The fake Gemini's default answers, as pure functions of the (validated) request: generation
 * (whole or as stream chunks), token counts and embeddings. Everything is deterministic: ids,
 * signatures and vectors are derived from a hash of the input.
 * @module
 */

import { isRecord } from "../http/fields.ts";
import { modelFamily } from "../core/model_family.ts";
import type {
  BatchEmbedContentsResponse,
  Candidate,
  Content,
  EmbedContentRequest,
  FunctionCall,
  FunctionDeclaration,
  GenerateContentRequest,
  GenerateContentResponse,
  GroundingMetadata,
  LogprobsCandidate,
  LogprobsResult,
  ModalityTokenCount,
  Part,
  UsageMetadata,
} from "../gemini/types.ts";
import type { CountTokensRequest } from "./validate.ts";
import { mediaParts, transcription } from "./media.ts";

/** The response of `countTokens`. */
export interface CountTokensResponse {
  totalTokens: number;
  promptTokensDetails: ModalityTokenCount[];
}

/** Embedding usage, as gemini-embedding-2 reports it (note `promptTokenDetails`). */
export interface EmbeddingUsage {
  promptTokenCount: number;
  promptTokenDetails: ModalityTokenCount[];
}

/** The response of `embedContent`. */
export interface EmbedContentResponse {
  embedding: { values: number[] };
  usageMetadata?: EmbeddingUsage;
}

/** What the finish message of a function-calling candidate says. */
export const FUNCTION_CALL_FINISH_MESSAGE = "Model generated function call(s).";

/** The text the fake answers with, before the user's words. */
export const GREETING = "Hello from the fake Gemini. You said: ";

/** The thought summary the fake returns when asked to include thoughts. */
export const THOUGHT = "**Thinking**\n\nThe user wrote something; a friendly echo will do.\n\n";

/** Tokens a text is billed as: one per ~4 characters. */
export function tokenCount(text: string): number {
  return Math.ceil(text.length / 4);
}

/** 32-bit FNV-1a hash of a string. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  }
  return value >>> 0;
}

/** A deterministic stream of 32-bit numbers seeded by `seed` (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return (mixed ^ (mixed >>> 14)) >>> 0;
  };
}

function randomBytes(next: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => next() & 0xff);
}

function textOf(content: Content | undefined): string {
  return (content?.parts ?? [])
    .filter((part) => !part.thought && typeof part.text === "string")
    .map((part) => part.text)
    .join("");
}

function partTokens(part: Part): number {
  if (typeof part.text === "string") return tokenCount(part.text);
  if (part.inlineData || part.fileData) return 258;
  return tokenCount(JSON.stringify(part.functionCall ?? part.functionResponse ?? part));
}

function promptTokens(contents: Content[], system?: Content): number {
  const parts = [...contents, ...(system ? [system] : [])].flatMap((content) =>
    content.parts ?? []
  );
  return Math.max(1, parts.reduce((sum, part) => sum + partTokens(part), 0));
}

/** Resolves a local `$ref` (`#/$defs/Name`, `#/definitions/Name`) against the root schema. */
function resolveRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return {};
  return ref.slice(1).split("/").filter(Boolean).reduce<unknown>(
    (node, key) => (isRecord(node) ? node[decodeURIComponent(key.replaceAll("~1", "/"))] : {}),
    root,
  );
}

function schemaType(schema: Record<string, unknown>): string {
  const declared = Array.isArray(schema.type)
    ? schema.type.find((type) => String(type).toLowerCase() !== "null")
    : schema.type;
  if (typeof declared === "string" && declared) return declared.toLowerCase();
  if (isRecord(schema.properties)) return "object";
  if (schema.items || schema.prefixItems) return "array";
  return "string";
}

/**
 * A value that fits `schema` (a proto `Schema` or a JSON Schema): strings "example", numbers 1,
 * booleans true, arrays of one item, the first enum value, the non-null branch of nullables.
 */
export function exampleOf(schema: unknown, root: unknown = schema, depth = 0): unknown {
  if (!isRecord(schema) || depth > 16) return {};
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  if (typeof schema.$ref === "string") {
    return exampleOf(resolveRef(root, schema.$ref), root, depth + 1);
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(variants) && variants.length) {
    const branch = variants.find((variant) =>
      !(isRecord(variant) && String(variant.type).toLowerCase() === "null")
    );
    return exampleOf(branch ?? variants[0], root, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.map((part) => exampleOf(part, root, depth + 1)));
  }
  switch (schemaType(schema)) {
    case "number":
    case "integer":
      return 1;
    case "boolean":
      return true;
    case "null":
      return null;
    case "array": {
      const items = schema.items ??
        (Array.isArray(schema.prefixItems) ? schema.prefixItems[0] : {});
      return [exampleOf(items, root, depth + 1)];
    }
    case "object":
      return Object.fromEntries(
        Object.entries(isRecord(schema.properties) ? schema.properties : {}).map((
          [name, property],
        ) => [name, exampleOf(property, root, depth + 1)]),
      );
    default:
      return "example";
  }
}

/** What one candidate holds before it is cut into chunks. */
interface Answer {
  thought?: string;
  text?: string;
  calls?: FunctionCall[];
  finishReason: "STOP" | "MAX_TOKENS";
}

function declarationsOf(request: GenerateContentRequest): FunctionDeclaration[] {
  return request.tools?.flatMap((tool) => tool.functionDeclarations ?? []) ?? [];
}

/**
 * The call the user's text asks for by name, with its arguments written as a JSON object right
 * after it (`Bash {"command": "ls"}`), if it does.
 */
function requestedCall(text: string, declared: FunctionDeclaration[]): FunctionCall | undefined {
  for (const fn of declared) {
    const at = text.indexOf(`${fn.name} {`);
    if (at < 0) continue;
    const rest = text.slice(at + fn.name.length + 1);
    for (let end = rest.indexOf("}"); end >= 0; end = rest.indexOf("}", end + 1)) {
      try {
        const args = JSON.parse(rest.slice(0, end + 1));
        if (isRecord(args)) return { name: fn.name, args };
      } catch {
        // Not the end of the object yet.
      }
    }
  }
  return undefined;
}

/**
 * The calls to make, or none when the model should answer with text: the function the user's
 * text names with JSON arguments ({@linkcode requestedCall}), else the first declared one (all
 * of them when asked for in parallel), with example arguments; none when the text says
 * "no tools".
 */
function functionCalls(request: GenerateContentRequest): FunctionCall[] {
  const declared = declarationsOf(request);
  const last = request.contents.at(-1);
  const config = request.toolConfig?.functionCallingConfig;
  const mode = String(config?.mode ?? "AUTO").toUpperCase();
  if (!declared.length || !last || last.role === "model" || mode === "NONE") return [];
  if (last.parts?.some((part) => part.functionResponse)) return [];
  if (/\bno tools\b/i.test(textOf(last))) return [];
  const allowedNames = config?.allowedFunctionNames ?? [];
  const allowed = allowedNames.length
    ? declared.filter((fn) => allowedNames.includes(fn.name))
    : declared;
  const requested = requestedCall(textOf(last), allowed);
  if (requested) return [requested];
  const parallel = (mode === "ANY" && allowed.length > 1) || /parallel/i.test(textOf(last));
  return (parallel ? allowed : allowed.slice(0, 1)).map((fn) => {
    const args = exampleOf(fn.parametersJsonSchema ?? fn.parameters ?? {});
    return { name: fn.name, args: isRecord(args) ? args : {} };
  });
}

function answerText(request: GenerateContentRequest): string {
  const last = request.contents.at(-1);
  const responses = (last?.parts ?? []).flatMap((part) =>
    part.functionResponse ? [part.functionResponse.response] : []
  );
  if (responses.length) {
    return `The tool said: ${responses.map((response) => JSON.stringify(response)).join(", ")}`;
  }
  const config = request.generationConfig;
  const schema = config?.responseJsonSchema ?? config?.responseSchema;
  const mimeType = config?.responseMimeType?.toLowerCase();
  if (mimeType === "application/json") return JSON.stringify(schema ? exampleOf(schema) : {});
  if (mimeType === "text/x.enum") return String(exampleOf(schema ?? {}));
  const userText = textOf(request.contents.findLast((content) => content.role !== "model"));
  return GREETING + userText;
}

function stopSequences(request: GenerateContentRequest): string[] {
  const stops: unknown = request.generationConfig?.stopSequences ?? [];
  return (Array.isArray(stops) ? stops : [stops]).filter((stop): stop is string =>
    typeof stop === "string" && stop !== ""
  );
}

function answer(model: string, request: GenerateContentRequest): Answer {
  const config = request.generationConfig;
  const thought = config?.thinkingConfig?.includeThoughts ? THOUGHT : undefined;
  const calls = functionCalls(request);
  if (calls.length) return { thought, calls, finishReason: "STOP" };
  let text = transcription(model, request) ?? answerText(request);
  for (const stop of stopSequences(request)) {
    const at = text.indexOf(stop);
    if (at >= 0) text = text.slice(0, at);
  }
  const limit = Number(config?.maxOutputTokens ?? 0);
  if (limit > 0 && limit < 5 && tokenCount(text) > limit) {
    return { thought, text: text.slice(0, limit * 4), finishReason: "MAX_TOKENS" };
  }
  return { thought, text, finishReason: "STOP" };
}

/** Splits `text` at word boundaries into up to `count` pieces of similar length. */
function splitText(text: string, count: number): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? [text];
  const size = Math.ceil(words.length / count);
  const pieces: string[] = [];
  for (let index = 0; index < words.length; index += size) {
    pieces.push(words.slice(index, index + size).join(""));
  }
  return pieces.length ? pieces : [text];
}

const ALTERNATIVES = [" the", " a", " and", " of", " to", " it", " is", " that"];

/** Log probabilities with their sum, as the API reports them. */
interface Logprobs extends LogprobsResult {
  logProbabilitySum: number;
}

/** Log probabilities of `text`, one token per word, with `top` alternatives at each step. */
function logprobsOf(text: string, top: number): Logprobs {
  const tokens = text.match(/\s*\S+/g) ?? [];
  const candidate = (token: string, rank: number): LogprobsCandidate => ({
    token,
    tokenId: hash(token) % 256000,
    logProbability: -Math.round(((hash(token) % 1000) / 10000 + rank) * 1e6) / 1e6,
  });
  const chosen = tokens.map((token) => candidate(token, 0));
  return {
    topCandidates: tokens.map((token) => ({
      candidates: [
        candidate(token, 0),
        ...ALTERNATIVES.filter((alternative) => alternative !== token)
          .slice(0, top - 1)
          .map((alternative, rank) => candidate(alternative, rank + 1)),
      ],
    })),
    chosenCandidates: chosen,
    logProbabilitySum: Math.round(
      chosen.reduce((sum, item) => sum + (item.logProbability ?? 0), 0) * 1e6,
    ) / 1e6,
  };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Search grounding for an answer to `query`, citing two made-up web sources. */
function groundingOf(query: string, text: string, next: () => number): GroundingMetadata {
  const redirect = () =>
    "https://vertexaisearch.cloud.google.com/grounding-api-redirect/" +
    randomBytes(next, 48).toBase64({ alphabet: "base64url", omitPadding: true });
  const escaped = query.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  return {
    searchEntryPoint: {
      renderedContent:
        `<style>\n.container {\n  display: flex;\n}\n</style>\n<div class="container">\n  <a class="chip" href="https://www.google.com/search?q=${
          encodeURIComponent(query)
        }">${escaped}</a>\n</div>\n`,
    },
    groundingChunks: [
      { web: { uri: redirect(), title: "example.com" } },
      { web: { uri: redirect(), title: "wikipedia.org" } },
    ],
    groundingSupports: [{
      segment: { endIndex: utf8Length(text), text },
      groundingChunkIndices: [0, 1],
    }],
    webSearchQueries: [query],
  };
}

/** Everything about one request's answer that its chunks and its whole response share. */
interface Generation {
  model: string;
  answer: Answer;
  candidates: number;
  promptTokens: number;
  thoughtsTokens: number;
  responseId: string;
  signature?: string;
  withIndex: boolean;
  logprobs?: number;
  grounding?: GroundingMetadata;
}

function plan(model: string, request: GenerateContentRequest): Generation {
  const next = random(hash(model + JSON.stringify(request)));
  const config = request.generationConfig;
  const candidates = Math.max(1, Number(config?.candidateCount ?? 1) || 1);
  const planned = answer(model, request);
  const searching = request.tools?.some((tool) => tool.googleSearch) && planned.text;
  const query = textOf(request.contents.findLast((content) => content.role !== "model"));
  return {
    model,
    answer: planned,
    candidates,
    promptTokens: promptTokens(request.contents, request.systemInstruction),
    thoughtsTokens: planned.thought ? tokenCount(planned.thought) : 0,
    responseId: randomBytes(next, 17).toBase64({ alphabet: "base64url", omitPadding: true }),
    signature: modelFamily(model) === "level" ? randomBytes(next, 64).toBase64() : undefined,
    withIndex: candidates > 1 || !model.startsWith("gemini-2.0"),
    logprobs: config?.responseLogprobs ? Math.max(1, Number(config.logprobs ?? 1) || 1) : undefined,
    grounding: searching ? groundingOf(query, planned.text!, next) : undefined,
  };
}

function outputTokens(parts: Part[]): number {
  return parts.filter((part) => !part.thought).reduce((sum, part) => sum + partTokens(part), 0);
}

function usage(generation: Generation, candidateTokens: number): UsageMetadata {
  const candidates = candidateTokens * generation.candidates;
  const thoughts = generation.thoughtsTokens * generation.candidates;
  const metadata: UsageMetadata = { promptTokenCount: generation.promptTokens };
  if (candidates) metadata.candidatesTokenCount = candidates;
  metadata.totalTokenCount = generation.promptTokens + candidates + thoughts;
  metadata.promptTokensDetails = [{ modality: "TEXT", tokenCount: generation.promptTokens }];
  if (thoughts) metadata.thoughtsTokenCount = thoughts;
  return metadata;
}

function callParts(generation: Generation): Part[] {
  return (generation.answer.calls ?? []).map((call) =>
    generation.signature
      ? { functionCall: call, thoughtSignature: generation.signature }
      : { functionCall: call }
  );
}

/** One response (a stream chunk or the whole answer) carrying `parts` in every candidate. */
function response(
  generation: Generation,
  parts: Part[],
  candidateTokens: number,
  last: boolean,
): GenerateContentResponse {
  const { answer } = generation;
  const text = parts.flatMap((part) => part.thought || !part.text ? [] : [part.text]).join("");
  const candidates = Array.from({ length: generation.candidates }, (_, index) => {
    const candidate: Candidate = { content: { parts, role: "model" } };
    if (last) candidate.finishReason = answer.finishReason;
    if (generation.withIndex) candidate.index = index;
    if (last && answer.calls) candidate.finishMessage = FUNCTION_CALL_FINISH_MESSAGE;
    if (last && generation.grounding) candidate.groundingMetadata = generation.grounding;
    if (generation.logprobs && text) {
      candidate.logprobsResult = logprobsOf(text, generation.logprobs);
    }
    return candidate;
  });
  return {
    candidates,
    usageMetadata: usage(generation, candidateTokens),
    modelVersion: generation.model,
    responseId: generation.responseId,
  };
}

/**
 * The default `streamGenerateContent` answer: the thought summary (if asked for) in its own
 * chunk, then the text in ~3 chunks or the function calls in one; Gemini 3 models end with an
 * empty text part (signed, after text). Image and speech models answer in one chunk
 * ({@linkcode mediaParts}). Usage is cumulative on every chunk and `finishReason`
 * only on the last.
 */
export function generateChunks(
  model: string,
  request: GenerateContentRequest,
): GenerateContentResponse[] {
  const generation = plan(model, request);
  const { answer, signature } = generation;
  const media = mediaParts(model, request, answer.text ?? "");
  if (media) return [response(generation, media, outputTokens(media), true)];
  const pieces: Part[][] = [];
  if (answer.thought) pieces.push([{ text: answer.thought, thought: true }]);
  if (answer.calls) pieces.push(callParts(generation));
  else pieces.push(...splitText(answer.text ?? "", 3).map((text) => [{ text }]));
  if (signature) {
    pieces.push([answer.calls ? { text: "" } : { text: "", thoughtSignature: signature }]);
  }
  let emitted = 0;
  return pieces.map((parts, index) => {
    emitted += outputTokens(parts);
    return response(generation, parts, emitted, index === pieces.length - 1);
  });
}

/** The default `generateContent` answer (the stream's parts merged, the signature on the text). */
export function generateContent(
  model: string,
  request: GenerateContentRequest,
): GenerateContentResponse {
  const generation = plan(model, request);
  const { answer, signature } = generation;
  const media = mediaParts(model, request, answer.text ?? "");
  if (media) return response(generation, media, outputTokens(media), true);
  const parts: Part[] = answer.thought ? [{ text: answer.thought, thought: true }] : [];
  if (answer.calls) parts.push(...callParts(generation));
  else {parts.push(
      signature
        ? { text: answer.text ?? "", thoughtSignature: signature }
        : { text: answer.text ?? "" },
    );}
  return response(generation, parts, outputTokens(parts), true);
}

/** The default `countTokens` answer. */
export function countTokens(request: CountTokensRequest): CountTokensResponse {
  const generate = request.generateContentRequest;
  const total = generate
    ? promptTokens(generate.contents, generate.systemInstruction)
    : promptTokens(request.contents ?? []);
  return { totalTokens: total, promptTokensDetails: [{ modality: "TEXT", tokenCount: total }] };
}

/** The length of `model`'s vectors when no `outputDimensionality` is asked for. */
export function defaultDimensions(model: string): number {
  return model.includes("text-embedding") ? 768 : 3072;
}

/**
 * The first `dimensions` float32 values (as Google prints them) of a unit vector of `full` values
 * determined by `text`.
 * Like the real models (Matryoshka embeddings), a shortened vector is not normalized again.
 */
export function embeddingOf(text: string, dimensions: number, full = dimensions): number[] {
  const next = random(hash(text));
  const raw = Array.from({ length: Math.max(full, dimensions) }, () => next() / 0x80000000 - 1);
  const norm = Math.hypot(...raw) || 1;
  return raw.slice(0, dimensions).map((value) => shortestFloat32(value / norm));
}

/**
 * The float32 nearest `value`, as Google prints it: the shortest decimal that reads back as that
 * float32 (`-0.0029352861`), not the float32's exact double expansion.
 */
function shortestFloat32(value: number): number {
  const single = Math.fround(value);
  for (let digits = 1; digits < 9; digits++) {
    const short = Number(single.toPrecision(digits));
    if (Math.fround(short) === single) return short;
  }
  return Number(single.toPrecision(9));
}

function embedOne(model: string, request: EmbedContentRequest): number[] {
  const full = defaultDimensions(model);
  // Gemini truncates vectors to `outputDimensionality`; a larger value leaves them whole.
  const dimensions = Math.min(Number(request.outputDimensionality ?? 0) || full, full);
  return embeddingOf(textOf(request.content), dimensions, full);
}

function embeddingUsage(
  model: string,
  requests: EmbedContentRequest[],
): EmbeddingUsage | undefined {
  if (!model.startsWith("gemini-embedding-2")) return undefined;
  const tokens = requests.reduce((sum, request) => sum + tokenCount(textOf(request.content)), 0);
  return {
    promptTokenCount: tokens,
    promptTokenDetails: [{ modality: "TEXT", tokenCount: tokens }],
  };
}

/** The default `embedContent` answer. */
export function embedContent(model: string, request: EmbedContentRequest): EmbedContentResponse {
  const result: EmbedContentResponse = { embedding: { values: embedOne(model, request) } };
  const usageMetadata = embeddingUsage(model, [request]);
  if (usageMetadata) result.usageMetadata = usageMetadata;
  return result;
}

/** The default `batchEmbedContents` answer: one vector per request, in order. */
export function batchEmbedContents(
  model: string,
  requests: EmbedContentRequest[],
): BatchEmbedContentsResponse {
  const result: BatchEmbedContentsResponse = {
    embeddings: requests.map((request) => ({ values: embedOne(model, request) })),
  };
  const usageMetadata = embeddingUsage(model, requests);
  if (usageMetadata) result.usageMetadata = usageMetadata;
  return result;
}
