import assert from "node:assert/strict";
import { toChatCompletion, toMessagePieces } from "../../../src/openai/chat/response.ts";
import { decodeToolCallId } from "../../../src/core/tool_call_id.ts";
import type { GenerateContentResponse } from "../../../src/gemini/types.ts";
import type { CreateChatCompletionResponse } from "../../../src/openai/types.ts";
import { assertSchema } from "../../helpers/openapi.ts";
import { readFixture } from "../../helpers/fixtures.ts";
import { cassetteBodies, META, recordedBodies } from "./replay.ts";

function complete(response: GenerateContentResponse): CreateChatCompletionResponse {
  const completion = toChatCompletion(response, META);
  assertSchema("CreateChatCompletionResponse", completion);
  assert.equal(completion.object, "chat.completion");
  assert.equal(completion.id, META.id);
  assert.equal(completion.created, META.created);
  assert.equal(completion.model, META.model);
  return completion;
}

Deno.test("plain text cut by MAX_TOKENS is length, with usage (fixture 12)", async () => {
  const [[body]] = await recordedBodies(
    "12_generateContent_MAX_TOKENS_thinkingBudget_gemini-2.5-flash.recording.json",
  );
  const completion = complete(body);
  assert.equal(completion.choices.length, 1);
  const [choice] = completion.choices;
  assert.equal(choice.index, 0);
  assert.equal(choice.finish_reason, "length");
  assert.equal(choice.logprobs, null);
  assert.equal(choice.message.role, "assistant");
  assert.equal(choice.message.refusal, null);
  assert.equal(choice.message.content, body.candidates![0].content!.parts![0].text);
  assert.ok(!("reasoning_content" in choice.message));
  assert.ok(!("tool_calls" in choice.message));
  assert.deepEqual(completion.usage, {
    prompt_tokens: 7,
    completion_tokens: 149 + 48,
    total_tokens: 204,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 48 },
  });
});

Deno.test("thoughts go to reasoning_content, never content (fixture 15)", async () => {
  const [[body]] = await recordedBodies("15_generateContent_thought_true_v1alpha.recording.json");
  const { message, finish_reason } = complete(body).choices[0];
  assert.equal(message.reasoning_content, body.candidates![0].content!.parts![0].text);
  assert.equal(message.content, "");
  assert.equal(finish_reason, "length");
});

Deno.test("a candidate blocked with content {} is content_filter (fixture 23)", async () => {
  const [body] = await cassetteBodies("23_pyd_safety_block_candidate_finishReason_SAFETY.yaml");
  const completion = complete(body);
  assert.equal(completion.choices[0].finish_reason, "content_filter");
  assert.equal(completion.choices[0].message.content, "");
  assert.equal(completion.usage?.prompt_tokens, 14);
});

Deno.test("a candidate without parts is an empty answer (fixture 24)", async () => {
  const [body] = await cassetteBodies("24_pyd_MAX_TOKENS_content_without_parts.yaml");
  const completion = complete(body);
  assert.equal(completion.choices[0].finish_reason, "length");
  assert.equal(completion.choices[0].message.content, "");
  assert.equal(completion.usage?.completion_tokens_details?.reasoning_tokens, 2);
});

Deno.test("grounding becomes url_citation annotations (fixture 25)", async () => {
  for (const body of await cassetteBodies("25_pyd_generateContent_googleSearch_grounding.yaml")) {
    const { message, finish_reason } = complete(body).choices[0];
    assert.equal(finish_reason, "stop");
    const chars = [...message.content!];
    const supports = body.candidates![0].groundingMetadata!.groundingSupports!;
    const expected = supports.flatMap((support) =>
      support.groundingChunkIndices!.map(() => support.segment!.text!)
    );
    assert.deepEqual(
      message.annotations!.map(({ url_citation: { start_index, end_index } }) =>
        chars.slice(start_index, end_index).join("")
      ),
      expected,
    );
  }
});

Deno.test("function calls are tool_calls with null content and signatures (fixture 28)", async () => {
  const bodies = await cassetteBodies("28_pyd_functionCall_finishMessage_nonstream.yaml");
  for (const body of bodies.slice(0, 2)) {
    const part = body.candidates![0].content!.parts![0];
    const { message, finish_reason } = complete(body).choices[0];
    assert.equal(finish_reason, "tool_calls");
    assert.equal(message.content, null);
    assert.equal(message.tool_calls!.length, 1);
    const [call] = message.tool_calls!;
    assert.equal(call.function.name, "get_capital");
    assert.deepEqual(JSON.parse(call.function.arguments), part.functionCall!.args);
    assert.equal(decodeToolCallId(call.id), part.thoughtSignature);
    assert.equal(call.extra_content?.google?.thought_signature, part.thoughtSignature);
  }
  const { message, finish_reason } = complete(bodies[2]).choices[0];
  assert.equal(message.content, "Paris");
  assert.equal(finish_reason, "stop");
});

Deno.test("calls without signatures (fixture 17) and Gemini 3 calls (fixture 21)", async () => {
  for (
    const [body] of await recordedBodies("17_function_calling_sse_gemini-2.0-flash.recording.json")
  ) {
    const { message, finish_reason } = complete(body).choices[0];
    assert.equal(finish_reason, "tool_calls");
    assert.equal(message.tool_calls![0].function.name, "customDivide");
    assert.equal(message.tool_calls![0].extra_content, undefined);
    assert.equal(decodeToolCallId(message.tool_calls![0].id), undefined);
  }
  const body = JSON.parse(await readFixture("21_vercel_google-tool-call-gemini3.json"));
  const { message } = complete(body).choices[0];
  assert.deepEqual(JSON.parse(message.tool_calls![0].function.arguments), {
    location: "San Francisco",
  });
  assert.equal(
    decodeToolCallId(message.tool_calls![0].id),
    body.candidates[0].content.parts[0].thoughtSignature,
  );
});

Deno.test("a text part with a signature is plain text (fixture 21)", async () => {
  const body = JSON.parse(await readFixture("21_vercel_google-text.json"));
  const { message, finish_reason } = complete(body).choices[0];
  assert.equal(message.content, body.candidates[0].content.parts[0].text);
  assert.equal(finish_reason, "stop");
});

Deno.test("text is kept beside tool calls; parallel calls get their own ids", () => {
  const { message, finish_reason } = complete({
    candidates: [{
      content: {
        role: "model",
        parts: [
          { text: "Thinking it over", thought: true },
          { text: "Let me check both." },
          { functionCall: { name: "weather", args: { city: "Paris" } }, thoughtSignature: "AAEC" },
          { functionCall: { name: "weather", args: { city: "Rome" } } },
        ],
      },
      finishReason: "STOP",
    }],
  }).choices[0];
  assert.equal(finish_reason, "tool_calls");
  assert.equal(message.content, "Let me check both.");
  assert.equal(message.reasoning_content, "Thinking it over");
  assert.equal(message.tool_calls!.length, 2);
  assert.notEqual(message.tool_calls![0].id, message.tool_calls![1].id);
  assert.equal(decodeToolCallId(message.tool_calls![0].id), "AAEC");
  assert.equal(message.tool_calls![1].extra_content, undefined);
});

Deno.test("a blocked prompt is one content_filter choice that says why", () => {
  const completion = complete({
    promptFeedback: { blockReason: "SAFETY" },
    usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 },
  });
  assert.equal(completion.choices.length, 1);
  assert.equal(completion.choices[0].finish_reason, "content_filter");
  assert.equal(
    completion.choices[0].message.content,
    "The prompt was blocked by Gemini (reason: SAFETY).",
  );
  assert.equal(completion.usage?.prompt_tokens, 9);
  const detailed = complete({
    promptFeedback: { blockReason: "OTHER", blockReasonMessage: "Unsupported content." },
  });
  assert.equal(
    detailed.choices[0].message.content,
    "The prompt was blocked by Gemini (reason: OTHER). Unsupported content.",
  );
});

Deno.test("no candidates and no block reason is an empty answer", () => {
  const completion = complete({});
  assert.equal(completion.choices[0].message.content, "");
  assert.equal(completion.choices[0].finish_reason, "stop");
  assert.equal(completion.usage?.total_tokens, 0);
});

Deno.test("one choice per candidate, ordered by index (missing index is 0)", () => {
  const completion = complete({
    candidates: [
      { index: 2, content: { parts: [{ text: "third" }] }, finishReason: "MAX_TOKENS" },
      { content: { parts: [{ text: "first" }] }, finishReason: "STOP" },
      { index: 1, content: { parts: [{ text: "second" }] }, finishReason: "SAFETY" },
    ],
  });
  assert.deepEqual(
    completion.choices.map((c) => [c.index, c.message.content, c.finish_reason]),
    [[0, "first", "stop"], [1, "second", "content_filter"], [2, "third", "length"]],
  );
});

Deno.test("log probabilities are given per choice", () => {
  const completion = complete({
    candidates: [{
      content: { parts: [{ text: "Hi" }] },
      finishReason: "STOP",
      logprobsResult: { chosenCandidates: [{ token: "Hi", logProbability: -0.5 }] },
    }],
  });
  assert.deepEqual(completion.choices[0].logprobs, {
    content: [{ token: "Hi", logprob: -0.5, bytes: [72, 105], top_logprobs: [] }],
    refusal: null,
  });
});

Deno.test("code execution shows as fenced code and output blocks", () => {
  const { message } = complete({
    candidates: [{
      content: {
        parts: [
          { text: "Let me compute it." },
          { executableCode: { language: "PYTHON", code: "print(2 + 2)" } },
          { codeExecutionResult: { outcome: "OUTCOME_OK", output: "4\n" } },
          { text: "The answer is 4." },
        ],
      },
      finishReason: "STOP",
    }],
  }).choices[0];
  assert.equal(
    message.content,
    "Let me compute it.\n```python\nprint(2 + 2)\n```\n```output\n4\n```\nThe answer is 4.",
  );
});

Deno.test("a failed execution names its outcome", () => {
  const pieces = toMessagePieces([
    { codeExecutionResult: { outcome: "OUTCOME_DEADLINE_EXCEEDED" } },
  ], "Running:");
  assert.equal(pieces.content, "\n```output\nOUTCOME_DEADLINE_EXCEEDED\n```\n");
});

Deno.test("generated images become markdown images; other parts are skipped", () => {
  const pieces = toMessagePieces([
    { text: "Here it is:" },
    { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } },
    { inlineData: { mimeType: "audio/wav", data: "UklGRg==" } },
    { fileData: { fileUri: "https://example.com/f" } },
    { text: "", thoughtSignature: "AAEC" },
  ]);
  assert.deepEqual(pieces, {
    content: "Here it is:\n![image](data:image/png;base64,iVBORw0KGgo=)\n",
    reasoning: "",
    toolCalls: [],
  });
});
