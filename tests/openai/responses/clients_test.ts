import assert from "node:assert/strict";
import OpenAI from "npm:openai@7.57.0";
import { createOpenAI } from "npm:@ai-sdk/openai@4.0.118";
import * as ai from "npm:ai@7.0.173";
import {
  Agent,
  run,
  setDefaultOpenAIClient,
  setTracingDisabled,
  tool,
} from "npm:@openai/agents@0.20.0";
import { z } from "npm:zod@4.6.7";
import { GREETING, THOUGHT } from "../../../src/fake/generate.ts";
import type { Part } from "../../../src/gemini/types.ts";
import { type Gateway, sent } from "../../helpers/harness.ts";
import { assertSchema } from "../../helpers/openapi.ts";
import { startResponsesGateway, validatingFetch } from "./gateway.ts";

const WEATHER: OpenAI.Responses.FunctionTool = {
  type: "function",
  name: "get_weather",
  description: "The weather in a city.",
  parameters: {
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
    additionalProperties: false,
  },
  strict: true,
};

/**
 * The gateway for one test, with a `fetch` for the clients that checks every answer against
 * OpenAI's specification; disposing of it throws the first violation.
 */
async function startChecked(): Promise<Gateway & { fetch: typeof fetch }> {
  const gw = await startResponsesGateway();
  const validating = validatingFetch();
  const dispose = gw[Symbol.asyncDispose].bind(gw);
  return Object.assign(gw, {
    fetch: validating.fetch,
    [Symbol.asyncDispose]: async () => {
      await dispose();
      await validating.checked();
    },
  });
}

function client(gw: Gateway & { fetch: typeof fetch }): OpenAI {
  return new OpenAI({
    apiKey: "test-key",
    baseURL: `${gw.url}/v1`,
    maxRetries: 0,
    fetch: gw.fetch,
  });
}

Deno.test("openai SDK responses.create: text, whole and streamed", async () => {
  await using gw = await startChecked();
  const openai = client(gw);
  const response = await openai.responses.create({
    model: "gemini-3.8-flash",
    instructions: "Be brief.",
    input: "Hello SDK",
  });
  assertSchema("Response", response);
  assert.equal(response.output_text, `${GREETING}Hello SDK`);

  const stream = await openai.responses.create({
    model: "gemini-3.8-flash",
    input: "Stream SDK",
    stream: true,
  });
  let text = "";
  let sequence = -1;
  for await (const event of stream) {
    assertSchema("ResponseStreamEvent", event);
    assert.equal(event.sequence_number, sequence + 1);
    sequence = event.sequence_number;
    if (event.type === "response.output_text.delta") text += event.delta;
  }
  assert.equal(text, `${GREETING}Stream SDK`);

  const final = await openai.responses.stream({
    model: "gemini-3.8-flash",
    input: "Final SDK",
    reasoning: { summary: "auto" },
  }).finalResponse();
  assertSchema("Response", final);
  assert.equal(final.output_text, `${GREETING}Final SDK`);
  const reasoning = final.output.find((item) => item.type === "reasoning");
  assert.equal(reasoning?.type === "reasoning" && reasoning.summary[0].text, THOUGHT);
});

Deno.test("openai SDK: a function-call round trip on Gemini 3, the signature back on turn 2", async () => {
  await using gw = await startChecked();
  const openai = client(gw);
  const first = await openai.responses.stream({
    model: "gemini-3.8-flash",
    input: "Weather in Paris?",
    tools: [WEATHER],
    store: false,
  }).finalResponse();
  const call = first.output.find((item) => item.type === "function_call");
  assert.ok(call?.type === "function_call");
  assert.equal(call.status, "completed");

  const second = await openai.responses.create({
    model: "gemini-3.8-flash",
    tools: [WEATHER],
    store: false,
    input: [
      { role: "user", content: "Weather in Paris?" },
      { type: "function_call", call_id: call.call_id, name: call.name, arguments: call.arguments },
      { type: "function_call_output", call_id: call.call_id, output: JSON.stringify({ temp: 21 }) },
    ],
  });
  assert.equal(second.output_text, 'The tool said: {"temp":21}');
  const sentCall = sent(gw).contents.flatMap((content) => content.parts ?? [])
    .find((part: Part) => part.functionCall)!;
  assert.ok(sentCall.thoughtSignature, "the signature reached Gemini");
  assert.notEqual(sentCall.thoughtSignature, "skip_thought_signature_validator");
});

Deno.test("openai SDK: structured output through text.format", async () => {
  await using gw = await startChecked();
  const response = await client(gw).responses.create({
    model: "gemini-3.8-flash",
    input: "A person",
    text: {
      format: {
        type: "json_schema",
        name: "person",
        strict: true,
        schema: {
          type: "object",
          properties: { name: { type: "string" }, age: { type: "integer" } },
          required: ["name", "age"],
          additionalProperties: false,
        },
      },
    },
  });
  assert.deepEqual(JSON.parse(response.output_text), { name: "example", age: 1 });
});

Deno.test("openai SDK: previous_response_id, retrieve, input items and delete", async () => {
  await using gw = await startChecked();
  const openai = client(gw);
  const first = await openai.responses.create({ model: "gemini-3.8-flash", input: "I am Ada." });
  const second = await openai.responses.create({
    model: "gemini-3.8-flash",
    previous_response_id: first.id,
    input: "Who am I?",
  });
  assert.equal(second.previous_response_id, first.id);
  assert.deepEqual(sent(gw).contents.map((content) => content.parts?.[0].text), [
    "I am Ada.",
    `${GREETING}I am Ada.`,
    "Who am I?",
  ]);
  const retrieved = await openai.responses.retrieve(second.id);
  assert.equal(retrieved.output_text, second.output_text);
  const items = await openai.responses.inputItems.list(second.id);
  assert.equal(items.data.length, 1);
  await openai.responses.delete(first.id);
  await assert.rejects(() => openai.responses.retrieve(first.id), OpenAI.NotFoundError);
  await assert.rejects(
    () => openai.responses.create({ previous_response_id: first.id, input: "?", model: "x" }),
    OpenAI.NotFoundError,
  );
});

Deno.test("Agents SDK: an agent with one function tool runs to completion", async () => {
  await using gw = await startChecked();
  setTracingDisabled(true);
  setDefaultOpenAIClient(client(gw) as never);
  const calls: string[] = [];
  const weather = tool({
    name: "get_weather",
    description: "The weather in a city.",
    parameters: z.object({ city: z.string() }),
    execute: ({ city }) => {
      calls.push(city);
      return `Sunny in ${city}`;
    },
  });
  const agent = new Agent({
    name: "Weather agent",
    instructions: "Answer with the weather.",
    model: "gemini-3.8-flash",
    tools: [weather],
  });
  const result = await run(agent, "Weather in Paris?");
  assert.deepEqual(calls, ["example"]);
  assert.equal(result.finalOutput, 'The tool said: {"result":"Sunny in example"}');
  const streamed = await run(agent, "Weather in Rome?", { stream: true });
  await streamed.completed;
  assert.equal(streamed.finalOutput, 'The tool said: {"result":"Sunny in example"}');
  assert.equal(calls.length, 2);
});

/** The AI SDK's OpenAI provider (Responses API by default) pointed at the gateway. */
function provider(gw: Gateway & { fetch: typeof fetch }) {
  return createOpenAI({ baseURL: `${gw.url}/v1`, apiKey: "test-key", fetch: gw.fetch });
}

const weatherTool = ai.tool({
  description: "The weather in a city.",
  inputSchema: ai.jsonSchema<{ city: string }>({
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
    additionalProperties: false,
  }),
  execute: ({ city }) => Promise.resolve({ forecast: `Sunny in ${city}` }),
});

Deno.test("AI SDK createOpenAI: generateText with a tool, over two steps", async () => {
  await using gw = await startChecked();
  const result = await ai.generateText({
    model: provider(gw)("gemini-3.8-flash"),
    prompt: "Weather in Paris?",
    tools: { get_weather: weatherTool },
    stopWhen: ai.stepCountIs(3),
    maxRetries: 0,
  });
  assert.equal(result.steps.length, 2);
  assert.equal(result.steps[0].toolCalls[0].toolName, "get_weather");
  assert.equal(result.text, 'The tool said: {"forecast":"Sunny in example"}');
  assert.equal(result.finishReason, "stop");
  assert.ok((result.usage.inputTokens ?? 0) > 0);
  const sentCall = sent(gw).contents.flatMap((content) => content.parts ?? [])
    .find((part: Part) => part.functionCall)!;
  assert.ok(sentCall.thoughtSignature);
});

Deno.test("AI SDK createOpenAI: streamText with a tool, reasoning and sources", async () => {
  await using gw = await startChecked();
  const result = ai.streamText({
    model: provider(gw)("gemini-3.8-flash"),
    prompt: "Weather in Rome?",
    tools: { get_weather: weatherTool },
    stopWhen: ai.stepCountIs(3),
    maxRetries: 0,
  });
  const deltas: string[] = [];
  for await (const delta of result.textStream) deltas.push(delta);
  assert.equal(deltas.join(""), 'The tool said: {"forecast":"Sunny in example"}');
  const steps = await result.steps;
  assert.equal(steps.length, 2);
  assert.equal(steps[0].toolCalls[0].toolName, "get_weather");
  assert.equal(await result.finishReason, "stop");

  const searched = ai.streamText({
    model: provider(gw)("gemini-3.8-flash"),
    prompt: "News?",
    tools: { web_search: provider(gw).tools.webSearch({}) },
    maxRetries: 0,
  });
  await searched.consumeStream();
  const sources = await searched.sources;
  assert.equal(sources.length, 2);
  assert.equal(sources[0].sourceType === "url" && sources[0].title, "example.com");
  assert.ok((await searched.reasoningText)?.length);
});

Deno.test("AI SDK createOpenAI, stateless: store false with encrypted reasoning sent back", async () => {
  await using gw = await startChecked();
  const result = await ai.generateText({
    model: provider(gw)("gemini-3.8-flash"),
    prompt: "Weather in Lima?",
    tools: { get_weather: weatherTool },
    stopWhen: ai.stepCountIs(3),
    providerOptions: {
      openai: { store: false, include: ["reasoning.encrypted_content"], reasoningSummary: "auto" },
    },
    maxRetries: 0,
  });
  assert.equal(result.steps.length, 2);
  assert.equal(result.steps[0].reasoningText, THOUGHT);
  assert.equal(result.text, 'The tool said: {"forecast":"Sunny in example"}');
  const sentCall = sent(gw).contents.flatMap((content) => content.parts ?? [])
    .find((part: Part) => part.functionCall)!;
  assert.ok(sentCall.thoughtSignature);
  assert.notEqual(sentCall.thoughtSignature, "skip_thought_signature_validator");
});
