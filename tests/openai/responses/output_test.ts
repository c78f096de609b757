import assert from "node:assert/strict";
import { GatewayError } from "../../../src/core/errors.ts";
import { decodeToolCallId } from "../../../src/core/tool_call_id.ts";
import type { GenerateContentResponse, Part } from "../../../src/gemini/types.ts";
import {
  ResponseBuilder,
  type ResponseMeta,
  toResponseError,
  toResponseUsage,
} from "../../../src/openai/responses/output.ts";
import type { EchoedFields } from "../../../src/openai/responses/request.ts";
import { unseal } from "../../../src/openai/responses/sealed.ts";
import type { ResponseStreamEvent } from "../../../src/openai/responses/types.ts";
import { assertSchema } from "../../helpers/openapi.ts";

const echo: EchoedFields = {
  instructions: null,
  max_output_tokens: null,
  metadata: {},
  parallel_tool_calls: true,
  previous_response_id: null,
  reasoning: null,
  store: false,
  temperature: 1,
  text: { format: { type: "text" } },
  tool_choice: "auto",
  tools: [],
  top_p: 1,
  truncation: "disabled",
  prompt_cache_key: null,
  service_tier: "default",
};

function builder(meta: Partial<ResponseMeta> = {}): ResponseBuilder {
  return new ResponseBuilder({
    id: "resp_1",
    createdAt: 1_800_000_000,
    model: "gemini-3.8-flash",
    echo,
    names: new Map(),
    includeEncrypted: false,
    parallelToolCalls: true,
    compaction: false,
    ...meta,
  });
}

function chunk(parts: Part[], finishReason?: string): GenerateContentResponse {
  return {
    candidates: [{
      content: { role: "model", parts },
      index: 0,
      ...(finishReason && { finishReason }),
    }],
    usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 6, thoughtsTokenCount: 2 },
  };
}

/** Runs `chunks` through a started builder; checks and gives back every event. */
function run(target: ResponseBuilder, chunks: GenerateContentResponse[]): ResponseStreamEvent[] {
  target.start();
  for (const item of chunks) target.push(item);
  assertSchema("Response", target.finish());
  const events = target.take();
  events.forEach((event, index) => {
    assertSchema("ResponseStreamEvent", event);
    assert.equal(event.sequence_number, index);
  });
  return events;
}

Deno.test("text in pieces: one message, deltas, then the whole part and item", () => {
  const events = run(builder(), [chunk([{ text: "Hel" }]), chunk([{ text: "lo" }], "STOP")]);
  assert.deepEqual(events.map((event) => event.type), [
    "response.created",
    "response.in_progress",
    "response.output_item.added",
    "response.content_part.added",
    "response.output_text.delta",
    "response.output_text.delta",
    "response.output_text.done",
    "response.content_part.done",
    "response.output_item.done",
    "response.completed",
  ]);
  const completed = events.at(-1)!;
  assert.ok(completed.type === "response.completed");
  assert.equal(completed.response.output_text, "Hello");
  assert.equal(completed.response.status, "completed");
  assert.deepEqual(completed.response.usage, toResponseUsage(chunk([]).usageMetadata));
});

Deno.test("thoughts, then a signed call: the reasoning item seals the signature when asked", () => {
  const signature = btoa("sig");
  const target = builder({
    includeEncrypted: true,
    names: new Map([["ns.run", { name: "run", namespace: "ns", custom: false }]]),
  });
  const events = run(target, [
    chunk([{ text: "Thinking", thought: true }]),
    chunk(
      [{ functionCall: { name: "ns.run", args: { a: 1 } }, thoughtSignature: signature }],
      "STOP",
    ),
  ]);
  const completed = events.at(-1)!;
  assert.ok(completed.type === "response.completed");
  const [reasoning, call] = completed.response.output;
  assert.ok(reasoning.type === "reasoning" && call.type === "function_call");
  assert.deepEqual(reasoning.summary, [{ type: "summary_text", text: "Thinking" }]);
  assert.equal(unseal(reasoning.encrypted_content).signature, signature);
  assert.equal(call.name, "run");
  assert.equal(call.namespace, "ns");
  assert.equal(call.arguments, '{"a":1}');
  assert.equal(call.status, "completed");
  assert.equal(decodeToolCallId(call.call_id), signature);
  const types = events.map((event) => event.type);
  assert.ok(types.includes("response.function_call_arguments.delta"));
  assert.ok(types.includes("response.function_call_arguments.done"));
});

Deno.test("a signed call without thoughts gets a reasoning item of its own, only when asked", () => {
  const parts: Part[] = [{ functionCall: { name: "f", args: {} }, thoughtSignature: btoa("s") }];
  const asked = builder({ includeEncrypted: true });
  asked.push(chunk(parts, "STOP"));
  assert.deepEqual(asked.finish().output.map((item) => item.type), ["reasoning", "function_call"]);
  const plain = builder();
  plain.push(chunk(parts, "STOP"));
  assert.deepEqual(plain.finish().output.map((item) => item.type), ["function_call"]);
});

Deno.test("without start() no events are recorded (a whole response)", () => {
  const target = builder();
  target.push(chunk([{ text: "Hi" }], "STOP"));
  assert.equal(target.finish().output_text, "Hi");
  assert.deepEqual(target.take(), []);
});

Deno.test("custom tool calls carry their input text; parallel_tool_calls false keeps the first", () => {
  const target = builder({
    parallelToolCalls: false,
    names: new Map([["patch", { name: "patch", custom: true }]]),
  });
  const events = run(target, [chunk([
    { functionCall: { name: "patch", args: { input: "*** Begin" } } },
    { functionCall: { name: "other", args: {} } },
  ], "STOP")]);
  const completed = events.at(-1)!;
  assert.ok(completed.type === "response.completed");
  assert.equal(completed.response.output.length, 1);
  const call = completed.response.output[0];
  assert.ok(call.type === "custom_tool_call");
  assert.equal(call.input, "*** Begin");
  assert.ok(events.some((event) => event.type === "response.custom_tool_call_input.done"));
});

Deno.test("incomplete answers: the token limit, a safety stop, a blocked prompt", () => {
  const limited = builder();
  limited.start();
  limited.push(chunk([{ text: "Once" }], "MAX_TOKENS"));
  const cut = limited.finish();
  assert.equal(cut.status, "incomplete");
  assert.deepEqual(cut.incomplete_details, { reason: "max_output_tokens" });
  assert.equal(limited.take().at(-1)?.type, "response.incomplete");

  const unsafe = builder();
  unsafe.push(chunk([], "SAFETY"));
  assert.deepEqual(unsafe.finish().incomplete_details, { reason: "content_filter" });

  const blocked = builder();
  blocked.push({ promptFeedback: { blockReason: "PROHIBITED_CONTENT" } });
  const response = blocked.finish();
  assert.deepEqual(response.incomplete_details, { reason: "content_filter" });
  assert.match(response.output_text!, /blocked by Gemini \(reason: PROHIBITED_CONTENT\)/);
});

Deno.test("a turn Gemini ended on a call it could not make, with no answer, is a 502", () => {
  for (const reason of ["MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS"]) {
    const failed = builder();
    failed.push(chunk([{ text: "Planning", thought: true }], reason));
    assert.throws(
      () => failed.finish(),
      (error) =>
        error instanceof GatewayError && error.status === 502 && error.message.includes(reason),
    );
  }
  // With some answer, the answer stands.
  const answered = builder();
  answered.push(chunk([{ text: "Partly" }], "MALFORMED_FUNCTION_CALL"));
  assert.equal(answered.finish().status, "completed");
});

Deno.test("code Gemini ran and its output are Markdown in the message", () => {
  const target = builder();
  target.push(chunk([
    { text: "Let me compute." },
    { executableCode: { language: "PYTHON", code: "print(1)" } },
    { codeExecutionResult: { outcome: "OUTCOME_OK", output: "1\n" } },
  ], "STOP"));
  assert.equal(
    target.finish().output_text,
    "Let me compute.\n```python\nprint(1)\n```\n```output\n1\n```\n",
  );
});

Deno.test("a compaction answer is one compaction item sealing the text", () => {
  const target = builder({ compaction: true });
  const events = run(target, [
    chunk([{ text: "Thinking", thought: true }]),
    chunk([{ text: "The summary." }], "STOP"),
  ]);
  const completed = events.at(-1)!;
  assert.ok(completed.type === "response.completed");
  const [item, ...rest] = completed.response.output;
  assert.equal(rest.length, 0);
  assert.ok(item.type === "compaction");
  assert.equal(unseal(item.encrypted_content).summary, "The summary.");
});

Deno.test("a failure closes the open item and ends with response.failed", () => {
  const target = builder();
  target.start();
  target.push(chunk([{ text: "Hel" }]));
  target.fail(new GatewayError(502, "The connection to Gemini broke off mid-stream.", "api_error"));
  const events = target.take();
  events.forEach((event) => assertSchema("ResponseStreamEvent", event));
  const failed = events.at(-1)!;
  assert.ok(failed.type === "response.failed");
  assert.equal(failed.response.status, "failed");
  assert.deepEqual(failed.response.error, {
    code: "server_error",
    message: "The connection to Gemini broke off mid-stream.",
  });
  const message = failed.response.output[0];
  assert.ok(message.type === "message" && message.status === "incomplete");
});

Deno.test("errors in the codes Codex acts on", () => {
  const limited = new GatewayError(
    429,
    "Quota exceeded.",
    "rate_limit_error",
    null,
    "rate_limit_exceeded",
    {
      "retry-after": "26",
    },
  );
  assert.deepEqual(toResponseError(limited), {
    code: "rate_limit_exceeded",
    message: "Quota exceeded. Please try again in 26s.",
  });
  const daily = new GatewayError(429, "Daily quota.", "rate_limit_error");
  daily.failure = { kind: "quota", period: "day" };
  assert.equal(toResponseError(daily).code, "insufficient_quota");
  const long = new GatewayError(
    400,
    "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).",
  );
  assert.equal(toResponseError(long).code, "context_length_exceeded");
  assert.equal(
    toResponseError(new GatewayError(503, "Overloaded.", "api_error")).code,
    "server_error",
  );
});

Deno.test("usage: tool-use prompt counted as input, thoughts as output", () => {
  assert.deepEqual(
    toResponseUsage({
      promptTokenCount: 10,
      toolUsePromptTokenCount: 5,
      cachedContentTokenCount: 4,
      candidatesTokenCount: 7,
      thoughtsTokenCount: 3,
    }),
    {
      input_tokens: 15,
      input_tokens_details: { cached_tokens: 4, cache_write_tokens: 0 },
      output_tokens: 10,
      output_tokens_details: { reasoning_tokens: 3 },
      total_tokens: 25,
    },
  );
  assert.equal(toResponseUsage(undefined).total_tokens, 0);
});
