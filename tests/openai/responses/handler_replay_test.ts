import assert from "node:assert/strict";
import type { GenerateContentRequest } from "../../../src/gemini/types.ts";
import { GeminiEventParser } from "../../../src/gemini/sse.ts";
import type { FakeReply } from "../../../src/fake/server.ts";
import type { Response } from "../../../src/openai/responses/types.ts";
import { readFixtureBytes } from "../../helpers/fixtures.ts";
import { assertStream, parseEvents, startResponsesGateway } from "./gateway.ts";
import type { Gateway } from "../../helpers/harness.ts";

/** The recordings are of models Google has since shut down: they are sent as named. */
const OLD_MODELS = { RETIRED_MODEL_ALIASES: "false" };

async function replay(name: string): Promise<FakeReply> {
  return { raw: await readFixtureBytes(name), split: "sse", contentType: "text/event-stream" };
}

async function streamed(gw: Gateway, body: Record<string, unknown>): Promise<Response> {
  const response = await gw.request("/v1/responses", {
    method: "POST",
    body: JSON.stringify({ ...body, stream: true, store: false }),
  });
  assert.equal(response.status, 200);
  const events = parseEvents(await response.text());
  assertStream(events);
  return events.at(-1)!.data.response as Response;
}

Deno.test("a recorded Gemini 3 tool loop: the real signature goes out and comes back (fixtures 02a, 02b)", async () => {
  await using gw = await startResponsesGateway(OLD_MODELS);
  const recorded = new GeminiEventParser(2 ** 24).push(
    await readFixtureBytes("02a_sse_raw_functionCall_thoughtSignature_gemini-3-pro.sse"),
  );
  const signature = recorded[0].candidates![0].content!.parts![0].thoughtSignature!;
  const tools = [{
    type: "function",
    name: "get_country",
    parameters: { type: "object", properties: {}, additionalProperties: false },
  }];
  gw.fake.reply(await replay("02a_sse_raw_functionCall_thoughtSignature_gemini-3-pro.sse"));
  const question = "What is the capital of the user country? Call the tool";
  const first = await streamed(gw, {
    model: "gemini-3-pro-preview",
    input: question,
    tools,
    include: ["reasoning.encrypted_content"],
  });
  const call = first.output.find((item) => item.type === "function_call");
  assert.ok(call?.type === "function_call");
  assert.equal(call.name, "get_country");

  gw.fake.reply(await replay("02b_sse_raw_after_functionResponse_gemini-3-pro.sse"));
  const second = await streamed(gw, {
    model: "gemini-3-pro-preview",
    tools,
    input: [
      { role: "user", content: question },
      ...first.output,
      { type: "function_call_output", call_id: call.call_id, output: '{"country":"Mexico"}' },
    ],
  });
  assert.equal(second.output_text, "The capital of Mexico is Mexico City.");
  const sent = gw.fake.requests.at(-1)!.body as GenerateContentRequest;
  const sentCall = sent.contents[1].parts![0];
  assert.equal(sentCall.thoughtSignature, signature);
});

Deno.test("recorded thoughts and grounding: a reasoning summary, url_citation annotations (fixtures 03, 05)", async () => {
  await using gw = await startResponsesGateway(OLD_MODELS);
  gw.fake.reply(await replay("03_sse_raw_thinking_includeThoughts_gemini-2.5-pro.sse"));
  const thought = await streamed(gw, {
    model: "gemini-2.5-pro",
    input: "Think",
    reasoning: { summary: "auto" },
  });
  const reasoning = thought.output.find((item) => item.type === "reasoning");
  assert.ok(reasoning?.type === "reasoning" && reasoning.summary[0].text.length > 0);
  assert.ok(thought.output_text!.length > 0);
  assert.ok(thought.usage!.output_tokens_details.reasoning_tokens > 0);

  gw.fake.reply(await replay("05_sse_raw_googleSearch_groundingMetadata_gemini-2.5-pro.sse"));
  const searched = await streamed(gw, {
    model: "gemini-2.5-pro",
    input: "Weather in San Francisco?",
    tools: [{ type: "web_search" }],
  });
  const message = searched.output.find((item) => item.type === "message");
  assert.ok(message?.type === "message");
  const { text, annotations } = message.content[0];
  assert.equal(annotations.length, 9);
  const chars = [...text];
  for (const annotation of annotations) {
    assert.ok(annotation.end_index <= chars.length);
    assert.ok(annotation.start_index < annotation.end_index);
  }
  assert.equal(annotations[1].title, "timeanddate.com");
  assert.ok(searched.usage!.input_tokens > 17, "the tool-use prompt counts as input");
});
