/**
 * Replays recorded Gemini responses through the chat translation, and reads back what it made.
 * @module
 */

import assert from "node:assert/strict";
import { parse } from "npm:yaml@2.8.1";
import type { GenerateContentResponse } from "../../../src/gemini/types.ts";
import type {
  ChatCompletionMessageToolCall,
  CreateChatCompletionStreamResponse,
  UrlCitationAnnotation,
} from "../../../src/openai/types.ts";
import { ChatCompletionChunks } from "../../../src/openai/chat/stream.ts";
import { readFixture } from "../../helpers/fixtures.ts";
import { assertSchema } from "../../helpers/openapi.ts";

/** The events of a recorded `alt=sse` stream. */
export async function sseEvents(name: string): Promise<GenerateContentResponse[]> {
  return (await readFixture(name)).split(/\r?\n\r?\n/)
    .filter((event) => event.startsWith("data:"))
    .map((event) => JSON.parse(event.slice("data:".length)));
}

/** The elements of a recorded JSON-array stream. */
export async function jsonArrayEvents(name: string): Promise<GenerateContentResponse[]> {
  return JSON.parse(await readFixture(name));
}

/** The events of a `.chunks.txt` recording: one JSON payload per line. */
export async function lineEvents(name: string): Promise<GenerateContentResponse[]> {
  return (await readFixture(name)).split("\n").filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

/** The response bodies of each interaction of a js-genai `.recording.json`. */
export async function recordedBodies(name: string): Promise<GenerateContentResponse[][]> {
  const recording = JSON.parse(await readFixture(name));
  return recording.interactions.map((interaction: { response: { bodySegments: unknown[] } }) =>
    interaction.response.bodySegments
  );
}

/** The response body of each interaction of a VCR `.yaml` cassette. */
export async function cassetteBodies(name: string): Promise<GenerateContentResponse[]> {
  const cassette = parse(await readFixture(name));
  return cassette.interactions.map((interaction: { response: { parsed_body: unknown } }) =>
    interaction.response.parsed_body
  );
}

/** Options for the streams under test. */
export const META = { id: "chatcmpl-test", created: 1_700_000_000, model: "gemini-test" };

/** Translates `events` with {@linkcode ChatCompletionChunks}, checking every chunk. */
export function translate(
  events: GenerateContentResponse[],
  includeUsage = false,
): CreateChatCompletionStreamResponse[] {
  const translator = new ChatCompletionChunks({ ...META, includeUsage });
  const chunks = [...events.flatMap((event) => translator.next(event)), ...translator.end()];
  for (const chunk of chunks) {
    assertSchema("CreateChatCompletionStreamResponse", chunk);
    assert.equal(chunk.id, META.id);
    assert.equal(chunk.created, META.created);
    assert.equal(chunk.model, META.model);
    assert.equal("usage" in chunk, includeUsage);
  }
  return chunks;
}

/** One choice as a client assembles it from chunks. */
export interface AssembledChoice {
  content: string;
  reasoning: string;
  toolCalls: ChatCompletionMessageToolCall[];
  annotations: UrlCitationAnnotation[];
  finishReason: string | null;
  /** How many chunks of the choice carried a finish reason. */
  finishes: number;
  /** How many deltas carried the role. */
  roles: number;
}

/**
 * Assembles chunks per choice index as a client would, checking along the way that the role
 * comes first, nothing follows the finish reason, and tool call names are never repeated.
 */
export function assemble(chunks: CreateChatCompletionStreamResponse[]): AssembledChoice[] {
  const choices: AssembledChoice[] = [];
  for (const chunk of chunks) {
    for (const { index, delta, finish_reason } of chunk.choices) {
      const choice = choices[index] ??= {
        content: "",
        reasoning: "",
        toolCalls: [],
        annotations: [],
        finishReason: null,
        finishes: 0,
        roles: 0,
      };
      assert.equal(choice.finishes, 0, "nothing follows the finish reason");
      if (delta.role) choice.roles++;
      else assert.ok(choice.roles > 0, "the first delta carries the role");
      choice.content += delta.content ?? "";
      choice.reasoning += delta.reasoning_content ?? "";
      choice.annotations.push(...delta.annotations ?? []);
      for (const call of delta.tool_calls ?? []) {
        const known = choice.toolCalls[call.index];
        if (known) {
          assert.equal(call.function?.name, undefined, "names are never repeated");
          known.function.arguments += call.function?.arguments ?? "";
        } else {
          assert.equal(call.index, choice.toolCalls.length, "indices count up from 0");
          assert.ok(call.id && call.type === "function" && call.function?.name);
          choice.toolCalls[call.index] = {
            id: call.id,
            type: call.type,
            function: { name: call.function.name, arguments: call.function.arguments ?? "" },
            ...call.extra_content ? { extra_content: call.extra_content } : {},
          };
        }
      }
      if (finish_reason) {
        choice.finishReason = finish_reason;
        choice.finishes++;
      }
    }
  }
  for (const choice of choices) {
    assert.equal(choice.roles, 1);
    assert.equal(choice.finishes, 1, "exactly one finish reason per choice");
  }
  return choices;
}
