/**
 * Recorded Gemini traffic replayed byte for byte by the fake, read through the gateway by the
 * real Anthropic SDK.
 * @module
 */

import assert from "node:assert/strict";
import Anthropic from "npm:@anthropic-ai/sdk@1.15.0";
import { decodeToolCallId } from "../../src/core/tool_call_id.ts";
import type { GenerateContentResponse } from "../../src/gemini/types.ts";
import { readFixture, readFixtureBytes } from "../helpers/fixtures.ts";
import { type Gateway, sent, startGateway } from "../helpers/harness.ts";

function client(gw: Gateway): Anthropic {
  return new Anthropic({ apiKey: "test-key", baseURL: gw.url, maxRetries: 0 });
}

/** The responses of a recorded SSE stream. */
async function recorded(name: string): Promise<GenerateContentResponse[]> {
  return (await readFixture(name)).split(/\r?\n\r?\n/)
    .filter((event) => event.startsWith("data:"))
    .map((event) => JSON.parse(event.slice("data:".length)));
}

const tool: Anthropic.Tool = {
  name: "get_country",
  description: "The user's country.",
  input_schema: { type: "object", properties: {} },
};

Deno.test("replay: Gemini 2.5 Pro's thought summaries stream as a thinking block (fixture 03)", async () => {
  await using gw = await startGateway();
  const name = "03_sse_raw_thinking_includeThoughts_gemini-2.5-pro.sse";
  gw.fake.reply({ raw: await readFixtureBytes(name), split: "sse" });
  const message = await client(gw).messages.stream({
    model: "gemini-3.6-flash",
    max_tokens: 4096,
    thinking: { type: "enabled", budget_tokens: 4096 },
    messages: [{ role: "user", content: "Think" }],
  }).finalMessage();
  const parts = (await recorded(name)).flatMap((event) =>
    event.candidates?.[0].content?.parts ?? []
  );
  const thoughts = parts.filter((part) => part.thought).map((part) => part.text).join("");
  const text = parts.filter((part) => !part.thought).map((part) => part.text ?? "").join("");
  assert.deepEqual(message.content.map((block) => block.type), ["thinking", "text"]);
  assert.equal(message.content[0].type === "thinking" && message.content[0].thinking, thoughts);
  assert.equal(message.content[1].type === "text" && message.content[1].text, text);
  assert.equal(message.stop_reason, "end_turn");
  assert.ok(message.usage.output_tokens > 0);
});

Deno.test("replay: a Gemini 3 Pro call and its signature, then the answer (fixtures 02a, 02b)", async () => {
  await using gw = await startGateway();
  const first = "02a_sse_raw_functionCall_thoughtSignature_gemini-3-pro.sse";
  gw.fake.reply({ raw: await readFixtureBytes(first), split: "sse" });
  const anthropic = client(gw);
  const question: Anthropic.MessageParam = {
    role: "user",
    content: "What is the capital of the user country? Call the tool",
  };
  const call = await anthropic.messages.stream({
    model: "gemini-3-pro-preview",
    max_tokens: 4096,
    tools: [tool],
    messages: [question],
  }).finalMessage();
  assert.equal(call.stop_reason, "tool_use");
  const use = call.content.find((block) => block.type === "tool_use");
  assert.ok(use?.type === "tool_use");
  assert.equal(use.name, "get_country");
  const signature = (await recorded(first)).flatMap((event) =>
    event.candidates?.[0].content?.parts ?? []
  )
    .find((part) => part.functionCall)?.thoughtSignature;
  assert.ok(signature);
  assert.equal(decodeToolCallId(use.id), signature);

  gw.fake.reply({
    raw: await readFixtureBytes("02b_sse_raw_after_functionResponse_gemini-3-pro.sse"),
    split: "sse",
  });
  const answer = await anthropic.messages.stream({
    model: "gemini-3-pro-preview",
    max_tokens: 4096,
    tools: [tool],
    messages: [
      question,
      { role: "assistant", content: call.content },
      { role: "user", content: [{ type: "tool_result", tool_use_id: use.id, content: "France" }] },
    ],
  }).finalMessage();
  assert.equal(answer.stop_reason, "end_turn");
  assert.ok(answer.content.some((block) => block.type === "text" && block.text.length > 0));
  assert.equal(answer.content.at(-1)?.type, "text");
  assert.equal(sent(gw).contents[1].parts?.[0].thoughtSignature, signature);
});

Deno.test("replay: a trailing signed empty part after the text is left out (fixture 06)", async () => {
  await using gw = await startGateway();
  const events: GenerateContentResponse[] = JSON.parse(
    await readFixture(
      "06_stream_jsonarray_thoughts_thoughtSignature_gemini-flash-latest.json-stream",
    ),
  );
  gw.fake.reply({ chunks: events });
  const message = await client(gw).messages.stream({
    model: "gemini-flash-latest",
    max_tokens: 1024,
    thinking: { type: "adaptive" },
    messages: [{ role: "user", content: "One word" }],
  }).finalMessage();
  assert.deepEqual(message.content.map((block) => block.type), ["thinking", "text"]);
  assert.equal(message.content[1].type === "text" && message.content[1].text, "Scoop");
});
