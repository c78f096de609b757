import assert from "node:assert/strict";
import OpenAI from "npm:openai@7.57.0";
import { parse } from "npm:yaml@2.8.1";
import type {
  Content,
  GenerateContentRequest,
  GenerateContentResponse,
  Part,
  UsageMetadata,
} from "../../../src/gemini/types.ts";
import type {
  ChatCompletionMessageToolCall,
  CompletionUsage,
  CreateChatCompletionStreamResponse,
} from "../../../src/openai/types.ts";
import type { FakeReply } from "../../../src/fake/server.ts";
import { type Gateway, startGateway } from "../../helpers/harness.ts";
import { readFixture, readFixtureBytes } from "../../helpers/fixtures.ts";
import { assertSchema } from "../../helpers/openapi.ts";
import {
  assemble,
  type AssembledChoice,
  cassetteBodies,
  jsonArrayEvents,
  recordedBodies,
  sseEvents,
} from "./replay.ts";

type Message = OpenAI.ChatCompletionMessageParam;

/** The recordings are of models Google has since shut down: they are sent as named. */
const OLD_MODELS = { RETIRED_MODEL_ALIASES: "false" };

/** A recorded SSE body, replayed event by event. */
async function rawReply(name: string): Promise<FakeReply> {
  return { raw: await readFixtureBytes(name), split: "sse", contentType: "text/event-stream" };
}

/** Recorded responses framed the way `alt=sse` frames them, replayed event by event. */
function sseReply(events: GenerateContentResponse[]): FakeReply {
  const raw = events.map((event) => `data: ${JSON.stringify(event)}\r\n\r\n`).join("");
  return { raw, split: "sse", contentType: "text/event-stream" };
}

/** What a streamed request gave: its chunks, the assembled choice 0, and the final usage. */
interface Streamed {
  chunks: CreateChatCompletionStreamResponse[];
  choice: AssembledChoice;
  usage: CompletionUsage;
}

/** Streams a completion with usage through the SDK, checking every chunk. */
async function stream(
  gw: Gateway,
  model: string,
  messages: Message[],
  tools?: OpenAI.ChatCompletionTool[],
): Promise<Streamed> {
  const chunks: CreateChatCompletionStreamResponse[] = [];
  const response = await gw.openai.chat.completions.create({
    model,
    messages,
    ...tools && { tools },
    stream: true,
    stream_options: { include_usage: true },
  });
  for await (const chunk of response) {
    assertSchema("CreateChatCompletionStreamResponse", chunk);
    chunks.push(chunk as CreateChatCompletionStreamResponse);
  }
  const last = chunks.at(-1)!;
  assert.deepEqual(last.choices, []);
  assert.equal(new Set(chunks.map((chunk) => chunk.id)).size, 1);
  return { chunks, choice: assemble(chunks.slice(0, -1))[0], usage: last.usage! };
}

/** Asserts the usage the gateway reported for Gemini's `metadata`, as docs/chat-response.md maps it. */
function assertUsage(usage: CompletionUsage | undefined, metadata: UsageMetadata | undefined) {
  const prompt = (metadata?.promptTokenCount ?? 0) + (metadata?.toolUsePromptTokenCount ?? 0);
  const thoughts = metadata?.thoughtsTokenCount ?? 0;
  assert.deepEqual(usage, {
    prompt_tokens: prompt,
    completion_tokens: (metadata?.candidatesTokenCount ?? 0) + thoughts,
    total_tokens: metadata?.totalTokenCount ?? 0,
    prompt_tokens_details: { cached_tokens: metadata?.cachedContentTokenCount ?? 0 },
    completion_tokens_details: { reasoning_tokens: thoughts },
  });
}

/** The text of the parts of choice 0 that `keep` selects, across `events`. */
function partText(events: GenerateContentResponse[], keep: (part: Part) => boolean): string {
  return events.flatMap((event) => event.candidates?.[0]?.content?.parts ?? [])
    .filter(keep).map((part) => part.text ?? "").join("");
}

const answer = (part: Part) => !part.thought && part.text !== undefined;
const thought = (part: Part) => part.thought === true;

/** The request a fixture's client sent, from its `.request.json`. */
async function recordedRequest(name: string): Promise<GenerateContentRequest> {
  return JSON.parse(await readFixture(name));
}

/** The request bodies of a VCR cassette's interactions. */
async function cassetteRequests(name: string): Promise<GenerateContentRequest[]> {
  const cassette = parse(await readFixture(name));
  return cassette.interactions.map((interaction: { request: { parsed_body: unknown } }) =>
    interaction.request.parsed_body
  );
}

/** The request bodies of a js-genai recording's interactions. */
async function recordingRequests(name: string): Promise<GenerateContentRequest[]> {
  const recording = JSON.parse(await readFixture(name));
  return recording.interactions.map((interaction: { request: { bodySegments: unknown[] } }) =>
    interaction.request.bodySegments[0]
  );
}

/** A recorded part: some clients spell the call fields in snake_case, and send call ids. */
type RecordedPart = Part & {
  function_call?: Part["functionCall"];
  function_response?: Part["functionResponse"];
};

/**
 * Contents in one comparable shape: camelCase part names, no call ids (the gateway does not
 * send them), no empty text parts, signatures in standard base64.
 */
function comparable(contents: Content[]): Content[] {
  return contents.map(({ role, parts }) => ({
    role,
    parts: (parts ?? []).flatMap(comparablePart),
  }));
}

function comparablePart(part: RecordedPart): Part[] {
  const call = part.functionCall ?? part.function_call;
  const response = part.functionResponse ?? part.function_response;
  if (call) {
    const { name, args } = call;
    const signature = part.thoughtSignature && standardBase64(part.thoughtSignature);
    return [{ functionCall: { name, args }, ...signature && { thoughtSignature: signature } }];
  }
  if (response) {
    return [{ functionResponse: { name: response.name, response: response.response } }];
  }
  return part.text === "" ? [] : [{ text: part.text }];
}

function standardBase64(signature: string): string {
  return Uint8Array.fromBase64(signature, {
    alphabet: /[-_]/.test(signature) ? "base64url" : "base64",
  }).toBase64();
}

/** An assistant message carrying only the standard fields of `calls`. */
function assistantCalls(calls: ChatCompletionMessageToolCall[]): Message {
  return {
    role: "assistant",
    content: null,
    tool_calls: calls.map(({ id, function: { name, arguments: args } }) => ({
      id,
      type: "function" as const,
      function: { name, arguments: args },
    })),
  };
}

/** The contents the gateway sent in the `index`-th request to the fake. */
function sentContents(gw: Gateway, index: number): Content[] {
  return (gw.fake.requests[index].body as GenerateContentRequest).contents;
}

Deno.test("replay: plain text streams (fixtures 01, 04, 13)", async () => {
  await using gw = await startGateway(OLD_MODELS);
  const [recorded] = await recordedBodies(
    "13_streamGenerateContent_sse_3events_gemini-2.5-flash.recording.json",
  );
  const cases: [FakeReply, GenerateContentResponse[], string, string][] = [
    [
      await rawReply("01_sse_raw_text_3chunks_gemini-2.0-flash-exp.sse"),
      await sseEvents("01_sse_raw_text_3chunks_gemini-2.0-flash-exp.sse"),
      "gemini-2.0-flash-exp",
      "stop",
    ],
    [
      await rawReply("04_sse_raw_text_serviceTier_gemini-2.5-flash_2026.sse"),
      await sseEvents("04_sse_raw_text_serviceTier_gemini-2.5-flash_2026.sse"),
      "gemini-2.5-flash",
      "stop",
    ],
    [sseReply(recorded), recorded, "gemini-2.5-flash", "length"],
  ];
  for (const [reply, events, model, finish] of cases) {
    gw.fake.reply(reply);
    const { chunks, choice, usage } = await stream(gw, model, [{ role: "user", content: "Go." }]);
    assert.equal(chunks.length, events.length + 1, model);
    assert.equal(choice.content, partText(events, answer));
    assert.equal(choice.reasoning, "");
    assert.equal(choice.finishReason, finish);
    assertUsage(usage, events.at(-1)!.usageMetadata);
  }
  gw.fake.reply(await rawReply("01_sse_raw_text_3chunks_gemini-2.0-flash-exp.sse"));
  const { usage } = await stream(gw, "gemini-2.0-flash-exp", [{ role: "user", content: "Go." }]);
  assert.deepEqual(
    [usage.prompt_tokens, usage.completion_tokens, usage.total_tokens],
    [13, 8, 21],
    "the last usage snapshot wins",
  );
});

Deno.test("replay: thoughts stream as reasoning_content before the answer (fixture 03)", async () => {
  await using gw = await startGateway(OLD_MODELS);
  const name = "03_sse_raw_thinking_includeThoughts_gemini-2.5-pro.sse";
  const events = await sseEvents(name);
  gw.fake.reply(await rawReply(name));
  const { chunks, choice, usage } = await stream(gw, "gemini-2.5-pro", [
    { role: "user", content: "How do I cross the street?" },
  ]);
  let answering = false;
  for (const chunk of chunks) {
    const delta = chunk.choices[0]?.delta;
    if (delta?.content) answering = true;
    if (delta?.reasoning_content) assert.ok(!answering && !delta.content);
  }
  assert.ok(choice.reasoning.startsWith("**Clarifying User Goals**"));
  assert.equal(choice.reasoning, partText(events, thought));
  assert.equal(choice.content, partText(events, answer));
  assert.ok(!choice.content.includes("**Clarifying User Goals**"));
  assert.equal(choice.finishReason, "stop");
  assert.equal(usage.completion_tokens_details?.reasoning_tokens, 787);
  assertUsage(usage, events.at(-1)!.usageMetadata);
});

Deno.test("replay: search grounding becomes url_citation annotations (fixture 05)", async () => {
  await using gw = await startGateway(OLD_MODELS);
  const name = "05_sse_raw_googleSearch_groundingMetadata_gemini-2.5-pro.sse";
  const events = await sseEvents(name);
  gw.fake.reply(await rawReply(name));
  const { choice, usage } = await stream(gw, "gemini-2.5-pro", [
    { role: "user", content: "Weather in San Francisco?" },
  ]);
  assert.equal(choice.content, partText(events, answer));
  assert.equal(choice.finishReason, "stop");
  const metadata = events.at(-1)!.candidates![0].groundingMetadata!;
  assert.equal(choice.annotations.length, 9);
  const chars = [...choice.content];
  assert.deepEqual(
    choice.annotations.map(({ url_citation: { start_index, end_index } }) =>
      chars.slice(start_index, end_index).join("")
    ),
    metadata.groundingSupports!.flatMap((support) =>
      support.groundingChunkIndices!.map(() => support.segment!.text)
    ),
  );
  assert.ok(
    choice.annotations.every(({ url_citation }) => url_citation.url.startsWith("https://")),
  );
  assert.equal(usage.prompt_tokens, 17 + 102);
  assertUsage(usage, events.at(-1)!.usageMetadata);
});

Deno.test("replay: a SAFETY-blocked candidate is content_filter (fixture 23)", async () => {
  await using gw = await startGateway(OLD_MODELS);
  const [body] = await cassetteBodies("23_pyd_safety_block_candidate_finishReason_SAFETY.yaml");
  gw.fake.reply({ json: body });
  const completion = await gw.openai.chat.completions.create({
    model: "gemini-1.5-flash",
    messages: [{ role: "user", content: "Something hateful." }],
  });
  assertSchema("CreateChatCompletionResponse", completion);
  assert.equal(completion.choices[0].finish_reason, "content_filter");
  assert.equal(completion.choices[0].message.content, "");
  assertUsage(completion.usage, body.usageMetadata);

  gw.fake.reply(sseReply([body]));
  const { choice, usage } = await stream(gw, "gemini-1.5-flash", [
    { role: "user", content: "Something hateful." },
  ]);
  assert.equal(choice.finishReason, "content_filter");
  assert.equal(choice.content, "");
  assertUsage(usage, body.usageMetadata);
});

Deno.test("replay: a candidate without parts is an empty answer cut by length (fixture 24)", async () => {
  await using gw = await startGateway(OLD_MODELS);
  const [body] = await cassetteBodies("24_pyd_MAX_TOKENS_content_without_parts.yaml");
  gw.fake.reply({ json: body });
  const completion = await gw.openai.chat.completions.create({
    model: "gemini-2.5-pro",
    messages: [{ role: "user", content: "Write an essay." }],
    max_tokens: 2,
  });
  assertSchema("CreateChatCompletionResponse", completion);
  assert.equal(completion.choices[0].finish_reason, "length");
  assert.equal(completion.choices[0].message.content, "");
  assert.equal(completion.usage?.completion_tokens_details?.reasoning_tokens, 2);
  assertUsage(completion.usage, body.usageMetadata);

  gw.fake.reply(sseReply([body]));
  const { choice, usage } = await stream(gw, "gemini-2.5-pro", [
    { role: "user", content: "Write an essay." },
  ]);
  assert.equal(choice.finishReason, "length");
  assert.equal(choice.content, "");
  assertUsage(usage, body.usageMetadata);
});

Deno.test("replay: an in-band error after output fails the SDK's stream (fixture 37)", async () => {
  await using gw = await startGateway(OLD_MODELS);
  const name = "37_sse_midstream_error_EXAMPLE_reconstructed.sse";
  gw.fake.reply(await rawReply(name));
  const response = await gw.openai.chat.completions.create({
    model: "gemini-2.5-flash",
    messages: [{ role: "user", content: "Hi" }],
    stream: true,
  });
  let reasoning = "";
  await assert.rejects(
    async () => {
      for await (const chunk of response) {
        assertSchema("CreateChatCompletionStreamResponse", chunk);
        const delta = chunk.choices[0]?.delta as { reasoning_content?: string } | undefined;
        reasoning += delta?.reasoning_content ?? "";
      }
    },
    (error) => error instanceof OpenAI.APIError && /high demand/.test(error.message),
  );
  assert.equal(reasoning, "**Thinking**\n\n");

  gw.fake.reply(await rawReply(name));
  const raw = await gw.request("/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messages: [{ role: "user", content: "Hi" }], stream: true }),
  });
  const text = await raw.text();
  assert.ok(!text.includes("[DONE]"));
  const events = text.split("\n\n").filter((event) => event.startsWith("data: "));
  const error = JSON.parse(events.at(-1)!.slice("data: ".length));
  assertSchema("ErrorResponse", error);
  assert.equal(error.error.type, "api_error");
  assert.equal(error.error.code, "unavailable");
});

Deno.test("replay: Gemini 3 call, then the answer after the tool result (fixtures 02a, 02b)", async () => {
  await using gw = await startGateway(OLD_MODELS);
  const model = "gemini-3-pro-preview";
  const first = await sseEvents("02a_sse_raw_functionCall_thoughtSignature_gemini-3-pro.sse");
  const signature = first[0].candidates![0].content!.parts![0].thoughtSignature!;
  const tools: OpenAI.ChatCompletionTool[] = [{
    type: "function",
    function: {
      name: "get_country",
      description: "",
      parameters: { type: "object", properties: {}, additionalProperties: false },
    },
  }];
  const question: Message = {
    role: "user",
    content: "What is the capital of the user country? Call the tool",
  };
  gw.fake.reply(await rawReply("02a_sse_raw_functionCall_thoughtSignature_gemini-3-pro.sse"));
  const called = await stream(gw, model, [question], tools);
  assert.equal(called.choice.finishReason, "tool_calls");
  assert.equal(called.choice.content, "");
  const [call] = called.choice.toolCalls;
  assert.equal(call.function.name, "get_country");
  assert.equal(call.function.arguments, "{}");
  assert.equal(call.extra_content?.google?.thought_signature, signature);
  assertUsage(called.usage, first.at(-1)!.usageMetadata);

  gw.fake.reply(await rawReply("02b_sse_raw_after_functionResponse_gemini-3-pro.sse"));
  const answered = await stream(gw, model, [
    question,
    assistantCalls([call]),
    { role: "tool", tool_call_id: call.id, content: '{"return_value": "Mexico"}' },
  ], tools);
  assert.equal(answered.choice.content, "The capital of Mexico is Mexico City.");
  assert.equal(answered.choice.finishReason, "stop");
  assert.deepEqual(
    [answered.usage.prompt_tokens, answered.usage.completion_tokens, answered.usage.total_tokens],
    [257, 8, 265],
  );
  const recorded = await recordedRequest(
    "02b_sse_raw_after_functionResponse_gemini-3-pro.request.json",
  );
  assert.deepEqual(comparable(sentContents(gw, 1)), comparable(recorded.contents));
});

Deno.test("replay: thoughts, answer and a trailing signature part (fixture 06)", async () => {
  await using gw = await startGateway(OLD_MODELS);
  const events = await jsonArrayEvents(
    "06_stream_jsonarray_thoughts_thoughtSignature_gemini-flash-latest.json-stream",
  );
  gw.fake.reply(sseReply(events));
  const { choice, usage } = await stream(gw, "gemini-flash-latest", [
    { role: "user", content: "A name for an ice cream shop, just the name." },
  ]);
  assert.equal(choice.content, "Scoop");
  assert.ok(choice.reasoning.startsWith("**Considering the Constraint**"));
  assert.equal(choice.reasoning, partText(events, thought));
  assert.equal(choice.finishReason, "stop");
  assertUsage(usage, events.at(-1)!.usageMetadata);
});

Deno.test("replay: a two-call tool loop on Gemini 2.5 (fixtures 07.0, 07.1, 07.2)", async () => {
  await using gw = await startGateway(OLD_MODELS);
  const model = "gemini-2.5-flash";
  const [thinking, unsigned, text] = await Promise.all(
    [0, 1, 2].map((n) =>
      jsonArrayEvents(`07_stream_jsonarray_functionCall_gemini-2.5-flash.${n}.json-stream`)
    ),
  );
  const tools: OpenAI.ChatCompletionTool[] = [{
    type: "function",
    function: { name: "pelican_name_generator", parameters: { type: "object", properties: {} } },
  }];
  const messages: Message[] = [{ role: "user", content: "Two names for a pet pelican" }];

  gw.fake.reply(sseReply(thinking));
  const first = await stream(gw, model, messages, tools);
  assert.equal(first.choice.finishReason, "tool_calls");
  assert.ok(first.choice.reasoning.startsWith("**Generating Pelican Names**"));
  assert.equal(first.choice.toolCalls[0].function.name, "pelican_name_generator");
  messages.push(assistantCalls(first.choice.toolCalls), {
    role: "tool",
    tool_call_id: first.choice.toolCalls[0].id,
    content: '{"output": "Charles"}',
  });

  gw.fake.reply(sseReply(unsigned));
  const second = await stream(gw, model, messages, tools);
  assert.equal(second.choice.finishReason, "tool_calls");
  assert.equal(second.choice.toolCalls[0].extra_content, undefined);
  messages.push(assistantCalls(second.choice.toolCalls), {
    role: "tool",
    tool_call_id: second.choice.toolCalls[0].id,
    content: '{"output": "Sammy"}',
  });

  gw.fake.reply(sseReply(text));
  const third = await stream(gw, model, messages, tools);
  assert.equal(third.choice.content, "How about Charles and Sammy?");
  assert.equal(third.choice.finishReason, "stop");
  assertUsage(third.usage, text.at(-1)!.usageMetadata);

  for (const n of [1, 2]) {
    const recorded = await recordedRequest(
      `07_stream_jsonarray_functionCall_gemini-2.5-flash.${n}.request.json`,
    );
    assert.deepEqual(comparable(sentContents(gw, n)), comparable(recorded.contents), `07.${n}`);
  }
});

Deno.test("replay: a Gemini 3 call's signature comes back on the next turn (fixtures 08.0, 08.1)", async () => {
  await using gw = await startGateway(OLD_MODELS);
  const model = "gemini-3-flash-preview";
  const [call, answer] = await Promise.all(
    [0, 1].map((n) =>
      jsonArrayEvents(`08_stream_jsonarray_gemini3_functionCall_signature.${n}.json-stream`)
    ),
  );
  const tools: OpenAI.ChatCompletionTool[] = [{
    type: "function",
    function: {
      name: "multiply",
      description: "Multiply two numbers.",
      parameters: {
        type: "object",
        properties: { x: { type: "integer" }, y: { type: "integer" } },
        required: ["x", "y"],
      },
    },
  }];
  const question: Message = { role: "user", content: "What is 5 times 3?" };
  gw.fake.reply(sseReply(call));
  const first = await stream(gw, model, [question], tools);
  assert.equal(first.choice.finishReason, "tool_calls");
  const [toolCall] = first.choice.toolCalls;
  assert.deepEqual(JSON.parse(toolCall.function.arguments), { y: 3, x: 5 });

  gw.fake.reply(sseReply(answer));
  const second = await stream(gw, model, [
    question,
    assistantCalls([toolCall]),
    { role: "tool", tool_call_id: toolCall.id, content: '{"output": "15"}' },
  ], tools);
  assert.equal(second.choice.content, "5 times 3 is 15.");
  assertUsage(second.usage, answer.at(-1)!.usageMetadata);
  const recorded = await recordedRequest(
    "08_stream_jsonarray_gemini3_functionCall_signature.1.request.json",
  );
  assert.deepEqual(comparable(sentContents(gw, 1)), comparable(recorded.contents));
});

Deno.test("replay: calls without signatures in single-event streams (fixture 17)", async () => {
  await using gw = await startGateway(OLD_MODELS);
  const name = "17_function_calling_sse_gemini-2.0-flash.recording.json";
  const [first, second] = await recordedBodies(name);
  const requests = await recordingRequests(name);
  const tools: OpenAI.ChatCompletionTool[] = [{
    type: "function",
    function: {
      name: "customDivide",
      description: "Custom divide function",
      parameters: {
        type: "object",
        properties: { denominator: { type: "number" }, numerator: { type: "number" } },
      },
    },
  }];
  const messages: Message[] = [{ role: "user", content: "what is the result of 100/2" }];
  gw.fake.reply(sseReply(first));
  const turn = await stream(gw, "gemini-2.0-flash", messages, tools);
  assert.equal(turn.choice.finishReason, "tool_calls");
  const [call] = turn.choice.toolCalls;
  assert.equal(call.extra_content, undefined);
  assert.deepEqual(JSON.parse(call.function.arguments), { denominator: 2, numerator: 100 });
  assertUsage(turn.usage, first[0].usageMetadata);
  messages.push(assistantCalls([call]), { role: "user", content: "what is the result of 50/2?" });

  gw.fake.reply(sseReply(second));
  const next = await stream(gw, "gemini-2.0-flash", messages, tools);
  assert.deepEqual(JSON.parse(next.choice.toolCalls[0].function.arguments), {
    denominator: 2,
    numerator: 50,
  });
  for (const n of [0, 1]) {
    const sent = gw.fake.requests[n].body as GenerateContentRequest;
    assert.deepEqual(comparable(sent.contents), comparable(requests[n].contents));
    assert.deepEqual(sent.tools, requests[n].tools, "gemini-2.0 gets proto schemas");
  }
});

Deno.test("replay: whole function-call responses with a retried call (fixture 28)", async () => {
  await using gw = await startGateway(OLD_MODELS);
  const name = "28_pyd_functionCall_finishMessage_nonstream.yaml";
  const bodies = await cassetteBodies(name);
  const requests = await cassetteRequests(name);
  const tools: OpenAI.ChatCompletionTool[] = [{
    type: "function",
    function: {
      name: "get_capital",
      description: "Get the capital of a country.",
      parameters: {
        type: "object",
        properties: { country: { type: "string", description: "The country name." } },
        required: ["country"],
        additionalProperties: false,
      },
    },
  }];
  const messages: Message[] = [
    { role: "system", content: "You are a helpful chatbot." },
    { role: "user", content: "What is the capital of France?" },
  ];
  const results = [
    '{"error": "The country is not supported. Use \\"La France\\" instead.\\n\\nFix the errors and try again."}',
    '{"return_value": "Paris"}',
  ];
  for (const [index, body] of bodies.entries()) {
    gw.fake.reply({ json: body });
    const completion = await gw.openai.chat.completions.create({
      model: "gemini-2.5-pro",
      messages,
      tools,
      temperature: 0,
    });
    assertSchema("CreateChatCompletionResponse", completion);
    assertUsage(completion.usage, body.usageMetadata);
    const { message, finish_reason } = completion.choices[0];
    const sent = gw.fake.requests[index].body as GenerateContentRequest;
    assert.deepEqual(comparable(sent.contents), comparable(requests[index].contents));
    assert.deepEqual(sent.systemInstruction?.parts, requests[index].systemInstruction?.parts);
    if (index === bodies.length - 1) {
      assert.equal(message.content, "Paris");
      assert.equal(finish_reason, "stop");
      break;
    }
    assert.equal(finish_reason, "tool_calls");
    assert.equal(message.content, null);
    const calls = message.tool_calls as unknown as ChatCompletionMessageToolCall[];
    assert.equal(
      calls[0].extra_content?.google?.thought_signature,
      body.candidates![0].content!.parts![0].thoughtSignature,
    );
    messages.push(assistantCalls(calls), {
      role: "tool",
      tool_call_id: calls[0].id,
      content: results[index],
    });
  }
  assert.equal(gw.fake.requests.length, 3);
});
