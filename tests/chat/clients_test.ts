import assert from "node:assert/strict";
import { createOpenAICompatible } from "npm:@ai-sdk/openai-compatible@3.0.92";
import { generateText, jsonSchema, stepCountIs, streamText, tool } from "npm:ai@7.0.173";
import { GREETING, THOUGHT } from "../../src/fake/generate.ts";
import type { GenerateContentRequest } from "../../src/gemini/types.ts";
import { type Gateway, startGateway } from "../helpers/harness.ts";

/** The AI SDK's OpenAI-compatible provider pointed at the gateway. */
function provider(gw: Gateway) {
  return createOpenAICompatible({
    name: "gemini-gateway",
    baseURL: `${gw.url}/v1`,
    apiKey: "test-key",
    includeUsage: true,
  });
}

/** The body of the last request the fake Gemini received. */
function sent(gw: Gateway): GenerateContentRequest {
  return gw.fake.requests.at(-1)!.body as GenerateContentRequest;
}

const weather = tool({
  description: "The weather in a city.",
  inputSchema: jsonSchema<{ city: string }>({
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
  }),
});

const time = tool({
  description: "The time in a zone.",
  inputSchema: jsonSchema<{ zone: string }>({
    type: "object",
    properties: { zone: { type: "string" } },
    required: ["zone"],
  }),
});

Deno.test("AI SDK generateText: text, reasoning, finish reason and usage", async () => {
  await using gw = await startGateway();
  const result = await generateText({
    model: provider(gw).chatModel("gemini-2.5-flash"),
    system: "Be brief.",
    prompt: "Hello AI SDK",
    temperature: 0.5,
    maxRetries: 0,
  });
  assert.equal(result.text, GREETING + "Hello AI SDK");
  assert.equal(result.reasoningText, THOUGHT);
  assert.equal(result.finishReason, "stop");
  assert.ok((result.usage.inputTokens ?? 0) > 0);
  assert.ok((result.usage.outputTokens ?? 0) > 0);
  assert.equal(
    result.usage.totalTokens,
    (result.usage.inputTokens ?? 0) + (result.usage.outputTokens ?? 0),
  );
  const request = sent(gw);
  assert.deepEqual(request.systemInstruction, { parts: [{ text: "Be brief." }] });
  assert.equal(request.generationConfig?.temperature, 0.5);
});

Deno.test("AI SDK streamText: text deltas, reasoning and usage", async () => {
  await using gw = await startGateway();
  const result = streamText({
    model: provider(gw).chatModel("gemini-2.5-flash"),
    prompt: "Stream to me",
    maxRetries: 0,
  });
  const deltas: string[] = [];
  for await (const delta of result.textStream) deltas.push(delta);
  assert.ok(deltas.length >= 2, "the text arrives in pieces");
  assert.equal(deltas.join(""), GREETING + "Stream to me");
  assert.equal(await result.reasoningText, THOUGHT);
  assert.equal(await result.finishReason, "stop");
  const usage = await result.usage;
  assert.ok((usage.inputTokens ?? 0) > 0 && (usage.outputTokens ?? 0) > 0);
  assert.equal(gw.fake.requests[0].query.get("alt"), "sse");
});

Deno.test("AI SDK streamText: tool-call parts with the right names and inputs", async () => {
  await using gw = await startGateway();
  const result = streamText({
    model: provider(gw).chatModel("gemini-2.5-flash"),
    prompt: "Weather and time, in parallel please.",
    tools: { get_weather: weather, get_time: time },
    maxRetries: 0,
  });
  const calls: { toolCallId: string; toolName: string; input: unknown }[] = [];
  for await (const part of result.fullStream) {
    if (part.type === "error") throw part.error;
    if (part.type === "tool-call") calls.push(part);
  }
  assert.deepEqual(
    calls.map(({ toolName, input }) => ({ toolName, input })),
    [
      { toolName: "get_weather", input: { city: "example" } },
      { toolName: "get_time", input: { zone: "example" } },
    ],
  );
  assert.equal(new Set(calls.map((call) => call.toolCallId)).size, 2);
  assert.equal(await result.finishReason, "tool-calls");
  assert.deepEqual(
    sent(gw).tools?.[0].functionDeclarations?.map((declaration) => declaration.name),
    ["get_weather", "get_time"],
  );
});

Deno.test("AI SDK tool loop on Gemini 3: signatures survive the client's round trip", async () => {
  await using gw = await startGateway();
  const result = streamText({
    model: provider(gw).chatModel("gemini-3-pro-preview"),
    prompt: "What is the weather in Lisbon?",
    tools: {
      get_weather: tool({ ...weather, execute: ({ city }) => ({ city, celsius: 19 }) }),
    },
    stopWhen: stepCountIs(3),
    maxRetries: 0,
  });
  assert.equal(await result.text, 'The tool said: {"city":"example","celsius":19}');
  assert.equal(gw.fake.requests.length, 2);
  const [, model] = sent(gw).contents;
  assert.equal(model.role, "model");
  const call = model.parts!.find((part) => part.functionCall)!;
  assert.ok(call.thoughtSignature && call.thoughtSignature !== "skip_thought_signature_validator");
});
