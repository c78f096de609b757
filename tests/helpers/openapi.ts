/**
 * Validation of response bodies against the official OpenAI specification
 * (`shared/openai/openapi.json`).
 * @module
 */

import { Ajv } from "npm:ajv@8.17.1";
import type { CreateChatCompletionStreamResponse } from "../../src/openai/types.ts";
import { SHARED_DIR } from "./fixtures.ts";

type Schema = Record<string, unknown>;

/** Rewrites OpenAPI 3.0 `nullable: true` into JSON Schema, in place. */
function rewriteNullable(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(rewriteNullable);
  if (!node || typeof node !== "object") return;
  const schema = node as Schema;
  for (const value of Object.values(schema)) rewriteNullable(value);
  if (schema.nullable !== true) return;
  delete schema.nullable;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
  const copy = { ...schema };
  for (const key of Object.keys(schema)) delete schema[key];
  schema.anyOf = [copy, { type: "null" }];
}

const spec = JSON.parse(
  await Deno.readTextFile(new URL("openai/openapi.json", SHARED_DIR)),
) as { components: { schemas: Schema } };
rewriteNullable(spec.components.schemas);

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: "openai", components: spec.components });

/** The names of the component schemas the gateway's bodies are checked against. */
export type SchemaName =
  | "Model"
  | "ListModelsResponse"
  | "ErrorResponse"
  | "CreateChatCompletionResponse"
  | "CreateChatCompletionStreamResponse"
  | "CreateEmbeddingResponse"
  | "Response"
  | "ResponseStreamEvent"
  | "ResponseItemList"
  | "CompactResource"
  | "TokenCountsResource"
  | "CreateCompletionResponse"
  | "ImagesResponse"
  | "ImageGenStreamEvent"
  | "ImageEditStreamEvent"
  | "CreateTranscriptionResponseJson"
  | "CreateTranscriptionResponseVerboseJson"
  | "CreateTranscriptionResponseDiarizedJson"
  | "CreateTranslationResponseJson"
  | "CreateTranslationResponseVerboseJson"
  | "CreateTranscriptionResponseStreamEvent"
  | "CreateSpeechResponseStreamEvent";

/** Throws with every violation when `value` does not match the component schema `name`. */
export function assertSchema(name: SchemaName, value: unknown): void {
  const validate = ajv.getSchema(`openai#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  if (!validate(value)) {
    throw new Error(
      `${name} violated:\n${ajv.errorsText(validate.errors, { separator: "\n" })}\n` +
        JSON.stringify(value, null, 2).slice(0, 2000),
    );
  }
}

/** Reads an SDK chunk stream to its end, checking every chunk against the OpenAI schema. */
export async function collect(
  stream: AsyncIterable<unknown>,
): Promise<CreateChatCompletionStreamResponse[]> {
  const chunks: CreateChatCompletionStreamResponse[] = [];
  for await (const chunk of stream) {
    assertSchema("CreateChatCompletionStreamResponse", chunk);
    chunks.push(chunk as CreateChatCompletionStreamResponse);
  }
  return chunks;
}

/** Checks a chat completion against the OpenAI schema and gives it back. */
export function valid<T>(completion: T): T {
  assertSchema("CreateChatCompletionResponse", completion);
  return completion;
}

/**
 * Checks one chunk of a legacy completion stream against `CreateCompletionResponse`, which the
 * specification says chunks share; OpenAI sends `finish_reason: null` before a choice's last
 * chunk, which the specification does not list, so only that `null` is let through.
 */
export function assertCompletionChunk(chunk: unknown): void {
  const copy = structuredClone(chunk) as { choices?: { finish_reason?: unknown }[] };
  for (const choice of copy.choices ?? []) {
    if (choice.finish_reason === null) choice.finish_reason = "stop";
  }
  assertSchema("CreateCompletionResponse", copy);
}
