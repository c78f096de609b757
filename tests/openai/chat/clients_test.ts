import assert from "node:assert/strict";
import { createOpenAICompatible } from "npm:@ai-sdk/openai-compatible@3.0.92";
import * as ai from "npm:ai@7.0.173";
import { GREETING, THOUGHT } from "../../../src/fake/generate.ts";
import { type Gateway, sent, startGateway } from "../../helpers/harness.ts";

/** The AI SDK's OpenAI-compatible provider pointed at the gateway. */
function provider(gw: Gateway) {
  return createOpenAICompatible({
    name: "gemini-gateway",
    baseURL: `${gw.url}/v1`,
    apiKey: "test-key",
    includeUsage: true,
  });
}

/** A tool taking one required string, without an `execute`. */
function stringTool<Name extends string>(description: string, property: Name) {
  return ai.tool({
    description,
    inputSchema: ai.jsonSchema<Record<Name, string>>({
      type: "object",
      properties: { [property]: { type: "string" } },
      required: [property],
    }),
  });
}

Deno.test(
  { name: "AI SDK generateText: text, reasoning, finish reason and usage" },
  async () => {
    await using gw = await startGateway();
    const result = await ai.generateText({
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
  },
);

Deno.test({ name: "AI SDK streamText: text deltas, reasoning and usage" }, async () => {
  await using gw = await startGateway();
  const result = ai.streamText({
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

Deno.test(
  { name: "AI SDK streamText: tool-call parts with the right names and inputs" },
  async () => {
    await using gw = await startGateway();
    const result = ai.streamText({
      model: provider(gw).chatModel("gemini-2.5-flash"),
      prompt: "Weather and time, in parallel please.",
      tools: {
        get_weather: stringTool("The weather in a city.", "city"),
        get_time: stringTool("The time in a zone.", "zone"),
      },
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
  },
);

Deno.test({
  name: "AI SDK tool loop on Gemini 3: signatures survive the client's round trip",
}, async () => {
  await using gw = await startGateway();
  const result = ai.streamText({
    model: provider(gw).chatModel("gemini-3-pro-preview"),
    prompt: "What is the weather in Lisbon?",
    tools: {
      get_weather: ai.tool({
        ...stringTool("The weather in a city.", "city"),
        execute: ({ city }: { city: string }) => ({ city, celsius: 19 }),
      }),
    },
    stopWhen: ai.stepCountIs(3),
    maxRetries: 0,
  });
  assert.equal(await result.text, 'The tool said: {"city":"example","celsius":19}');
  assert.equal(gw.fake.requests.length, 2);
  const [, model] = sent(gw).contents;
  assert.equal(model.role, "model");
  const call = model.parts!.find((part) => part.functionCall)!;
  assert.ok(call.thoughtSignature && call.thoughtSignature !== "skip_thought_signature_validator");
});
