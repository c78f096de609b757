import assert from "node:assert/strict";
import { decodeToolCallId } from "../../../src/core/tool_call_id.ts";
import type { GenerateContentResponse, Part } from "../../../src/gemini/types.ts";
import {
  assemble,
  cassetteBodies,
  jsonArrayEvents,
  lineEvents,
  recordedBodies,
  sseEvents,
  translate,
} from "./replay.ts";

/** The text of the parts of choice 0 that `keep` selects, across events. */
function partText(events: GenerateContentResponse[], keep: (part: Part) => boolean): string {
  return events.flatMap((event) => event.candidates?.[0]?.content?.parts ?? [])
    .filter(keep).map((part) => part.text ?? "").join("");
}

const answer = (part: Part) => !part.thought && part.text !== undefined;
const thought = (part: Part) => part.thought === true;

Deno.test("plain text streams as it arrives, one chunk per Gemini chunk (fixtures 01, 04, 13)", async () => {
  const recorded = await recordedBodies(
    "13_streamGenerateContent_sse_3events_gemini-2.5-flash.recording.json",
  );
  const cases: [GenerateContentResponse[], string][] = [
    [await sseEvents("01_sse_raw_text_3chunks_gemini-2.0-flash-exp.sse"), "stop"],
    [await sseEvents("04_sse_raw_text_serviceTier_gemini-2.5-flash_2026.sse"), "stop"],
    [recorded[0], "length"],
  ];
  for (const [events, finish] of cases) {
    const chunks = await translate(events);
    assert.equal(chunks.length, events.length);
    assert.deepEqual(
      chunks.map((chunk) => chunk.choices[0].delta.content),
      events.map((event) => event.candidates![0].content!.parts![0].text),
    );
    assert.deepEqual(chunks[0].choices[0].delta.role, "assistant");
    assert.ok(chunks.slice(0, -1).every((chunk) => chunk.choices[0].finish_reason === null));
    const [choice] = assemble(chunks);
    assert.equal(choice.content, partText(events, answer));
    assert.equal(choice.finishReason, finish);
  }
});

Deno.test("thoughts stream as reasoning_content, before content and never mixed (fixture 03)", async () => {
  const events = await sseEvents("03_sse_raw_thinking_includeThoughts_gemini-2.5-pro.sse");
  const chunks = await translate(events);
  let answering = false;
  for (const { choices: [{ delta }] } of chunks) {
    assert.ok(!(delta.content && delta.reasoning_content), "one kind per chunk");
    if (delta.content) answering = true;
    if (delta.reasoning_content) assert.ok(!answering, "reasoning comes first");
  }
  const [choice] = assemble(chunks);
  assert.equal(choice.reasoning, partText(events, thought));
  assert.equal(choice.content, partText(events, answer));
  assert.ok(!choice.content.includes("Clarifying User Goals"));
  assert.equal(choice.finishReason, "stop");
});

Deno.test("thoughts and answer in one Gemini chunk become two chunks, reasoning first", async () => {
  const chunks = await translate([{
    candidates: [{
      content: { parts: [{ text: "Hmm.", thought: true }, { text: "Yes." }] },
      finishReason: "STOP",
    }],
  }]);
  assert.deepEqual(chunks.map((chunk) => chunk.choices[0]), [
    {
      index: 0,
      delta: { role: "assistant", reasoning_content: "Hmm." },
      logprobs: null,
      finish_reason: null,
    },
    { index: 0, delta: { content: "Yes." }, logprobs: null, finish_reason: "stop" },
  ]);
});

Deno.test("json-array stream with thoughts and a trailing signature part (fixture 06)", async () => {
  const events = await jsonArrayEvents(
    "06_stream_jsonarray_thoughts_thoughtSignature_gemini-flash-latest.json-stream",
  );
  const [choice] = assemble(await translate(events));
  assert.equal(choice.reasoning, partText(events, thought));
  assert.equal(choice.content, "Scoop");
  assert.equal(choice.finishReason, "stop");
});

Deno.test("grounding annotations arrive with the chunk that carries them (fixture 05)", async () => {
  const events = await sseEvents("05_sse_raw_googleSearch_groundingMetadata_gemini-2.5-pro.sse");
  const chunks = await translate(events);
  assert.ok(chunks.slice(0, -1).every((chunk) => !chunk.choices[0].delta.annotations));
  const last = chunks.at(-1)!.choices[0];
  assert.equal(last.finish_reason, "stop");
  assert.equal(last.delta.annotations?.length, 9);
  const [choice] = assemble(chunks);
  const chars = [...choice.content];
  const supports = events.at(-1)!.candidates![0].groundingMetadata!.groundingSupports!;
  assert.deepEqual(
    choice.annotations.map(({ url_citation: { start_index, end_index } }) =>
      chars.slice(start_index, end_index).join("")
    ),
    supports.flatMap((support) => support.groundingChunkIndices!.map(() => support.segment!.text)),
  );
});

Deno.test("Gemini 3 call then STOP in a later chunk finishes with tool_calls (fixture 02a)", async () => {
  const events = await sseEvents("02a_sse_raw_functionCall_thoughtSignature_gemini-3-pro.sse");
  const signature = events[0].candidates![0].content!.parts![0].thoughtSignature!;
  const chunks = await translate(events);
  assert.equal(chunks.length, 2);
  const first = chunks[0].choices[0];
  assert.equal(first.finish_reason, null);
  assert.equal(first.delta.role, "assistant");
  const [call] = first.delta.tool_calls!;
  assert.equal(call.index, 0);
  assert.equal(call.type, "function");
  assert.deepEqual(call.function, { name: "get_country", arguments: "{}" });
  assert.equal(decodeToolCallId(call.id!), signature);
  assert.deepEqual(call.extra_content, { google: { thought_signature: signature } });
  assert.deepEqual(chunks[1].choices[0], {
    index: 0,
    delta: {},
    logprobs: null,
    finish_reason: "tool_calls",
  });
  const [choice] = assemble(chunks);
  assert.equal(choice.content, "");
  assert.equal(choice.toolCalls.length, 1);
});

Deno.test("the answer after the function response (fixture 02b), usage from the last chunk", async () => {
  const events = await sseEvents("02b_sse_raw_after_functionResponse_gemini-3-pro.sse");
  const chunks = await translate(events, true);
  const [choice] = assemble(chunks);
  assert.equal(choice.content, "The capital of Mexico is Mexico City.");
  assert.equal(choice.finishReason, "stop");
  const last = chunks.at(-1)!;
  assert.deepEqual(last.choices, []);
  assert.deepEqual(last.usage, {
    prompt_tokens: 257,
    completion_tokens: 8,
    total_tokens: 265,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  });
  assert.ok(chunks.slice(0, -1).every((chunk) => chunk.usage === null));
});

Deno.test("without include_usage no chunk has a usage key", async () => {
  const events = await sseEvents("02b_sse_raw_after_functionResponse_gemini-3-pro.sse");
  const chunks = await translate(events, false);
  assert.ok(chunks.every((chunk) => !("usage" in chunk) && chunk.choices.length === 1));
});

Deno.test("function call round trips in json-array streams (fixtures 07, 08)", async () => {
  const [thinking, plain, text] = await Promise.all(
    [0, 1, 2].map((n) =>
      jsonArrayEvents(`07_stream_jsonarray_functionCall_gemini-2.5-flash.${n}.json-stream`)
    ),
  );
  const [called] = assemble(await translate(thinking));
  assert.equal(called.finishReason, "tool_calls");
  assert.ok(called.reasoning.startsWith("**Generating Pelican Names**"));
  assert.equal(called.toolCalls[0].function.name, "pelican_name_generator");
  assert.equal(
    decodeToolCallId(called.toolCalls[0].id),
    thinking[1].candidates![0].content!.parts![0].thoughtSignature,
  );
  const [unsigned] = assemble(await translate(plain));
  assert.equal(unsigned.finishReason, "tool_calls");
  assert.equal(unsigned.toolCalls[0].extra_content, undefined);
  const [answered] = assemble(await translate(text));
  assert.equal(answered.content, "How about Charles and Sammy?");
  assert.equal(answered.finishReason, "stop");

  const [gemini3, after] = await Promise.all(
    [0, 1].map((n) =>
      jsonArrayEvents(`08_stream_jsonarray_gemini3_functionCall_signature.${n}.json-stream`)
    ),
  );
  const [multiply] = assemble(await translate(gemini3));
  assert.equal(multiply.finishReason, "tool_calls");
  assert.deepEqual(JSON.parse(multiply.toolCalls[0].function.arguments), { y: 3, x: 5 });
  assert.ok(multiply.toolCalls[0].extra_content?.google?.thought_signature);
  assert.equal(assemble(await translate(after))[0].content, "5 times 3 is 15.");
});

Deno.test("single-event SSE calls (fixture 17) and Vercel captures (fixture 21)", async () => {
  for (
    const events of await recordedBodies("17_function_calling_sse_gemini-2.0-flash.recording.json")
  ) {
    const [choice] = assemble(await translate(events));
    assert.equal(choice.finishReason, "tool_calls");
    assert.equal(choice.toolCalls[0].function.name, "customDivide");
  }
  for (const name of ["text", "reasoning", "reasoning-gemini3"]) {
    const events = await lineEvents(`21_vercel_google-${name}.chunks.txt`);
    const [choice] = assemble(await translate(events));
    assert.equal(choice.content, partText(events, answer), name);
    assert.equal(choice.finishReason, "stop");
  }
  const events = await lineEvents("21_vercel_google-tool-call.chunks.txt");
  const [choice] = assemble(await translate(events));
  assert.equal(choice.finishReason, "tool_calls");
  assert.deepEqual(JSON.parse(choice.toolCalls[0].function.arguments), {
    location: "San Francisco",
  });
});

Deno.test("blocked candidates and candidates without parts (fixtures 23, 24)", async () => {
  const [safety] = await cassetteBodies("23_pyd_safety_block_candidate_finishReason_SAFETY.yaml");
  const filtered = await translate([safety]);
  assert.deepEqual(filtered.map((chunk) => chunk.choices[0]), [
    { index: 0, delta: { role: "assistant" }, logprobs: null, finish_reason: "content_filter" },
  ]);
  const [cut] = await cassetteBodies("24_pyd_MAX_TOKENS_content_without_parts.yaml");
  assert.equal(assemble(await translate([cut]))[0].finishReason, "length");
});

Deno.test("a blocked prompt is one chunk saying so, finished by content_filter", async () => {
  const chunks = await translate([{
    promptFeedback: { blockReason: "PROHIBITED_CONTENT" },
    usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 },
  }], true);
  assert.equal(chunks.length, 2);
  assert.deepEqual(chunks[0].choices, [{
    index: 0,
    delta: {
      role: "assistant",
      content: "The prompt was blocked by Gemini (reason: PROHIBITED_CONTENT).",
    },
    logprobs: null,
    finish_reason: "content_filter",
  }]);
  assert.equal(chunks[1].usage?.prompt_tokens, 5);
});

Deno.test("n > 1: chunks per choice index, each with one role and one finish reason", async () => {
  const events: GenerateContentResponse[] = [
    {
      candidates: [
        { index: 0, content: { parts: [{ text: "A1" }] } },
        { index: 1, content: { parts: [{ text: "B1" }] } },
      ],
    },
    {
      candidates: [
        { index: 1, content: { parts: [{ text: "B2" }] }, finishReason: "MAX_TOKENS" },
        { index: 0, content: { parts: [{ text: "A2" }] } },
      ],
    },
    { candidates: [{ index: 0, content: { parts: [{ text: "" }] }, finishReason: "STOP" }] },
  ];
  const chunks = await translate(events, true);
  assert.ok(chunks.slice(0, -1).every((chunk) => chunk.choices.length === 1));
  assert.deepEqual(chunks.slice(0, -1).map((chunk) => chunk.choices[0].index), [0, 1, 1, 0, 0]);
  const choices = assemble(chunks);
  assert.deepEqual(
    choices.map((c) => [c.content, c.finishReason]),
    [["A1A2", "stop"], ["B1B2", "length"]],
  );
  assert.deepEqual(chunks.at(-1)!.choices, []);
});

Deno.test("every tool call has its own index, counted across the stream", async () => {
  const events: GenerateContentResponse[] = [
    { candidates: [{ content: { parts: [{ text: "Checking." }] } }] },
    {
      candidates: [{
        content: {
          parts: [
            { functionCall: { name: "a", args: { n: 1 } }, thoughtSignature: "AAEC" },
            { functionCall: { name: "b" } },
          ],
        },
      }],
    },
    { candidates: [{ content: { parts: [{ functionCall: { name: "c", args: {} } }] } }] },
    { candidates: [{ content: { parts: [{ text: "" }] }, finishReason: "STOP" }] },
  ];
  const chunks = await translate(events);
  assert.deepEqual(
    chunks.flatMap((chunk) => chunk.choices[0].delta.tool_calls ?? []).map((call) => call.index),
    [0, 1, 2],
  );
  const [choice] = assemble(chunks);
  assert.equal(choice.content, "Checking.");
  assert.deepEqual(choice.toolCalls.map((call) => call.function.name), ["a", "b", "c"]);
  assert.equal(new Set(choice.toolCalls.map((call) => call.id)).size, 3);
  assert.equal(choice.finishReason, "tool_calls");
});

Deno.test("a stream that ends without a finish reason still finishes each choice", async () => {
  const text = assemble(
    await translate([{ candidates: [{ content: { parts: [{ text: "Hi" }] } }] }]),
  );
  assert.equal(text[0].finishReason, "stop");
  const called = assemble(
    await translate([{ candidates: [{ content: { parts: [{ functionCall: { name: "f" } }] } }] }]),
  );
  assert.equal(called[0].finishReason, "tool_calls");
  const nothing = await translate([], true);
  assert.deepEqual(nothing.map((chunk) => chunk.choices), [
    [{ index: 0, delta: { role: "assistant" }, logprobs: null, finish_reason: "stop" }],
    [],
  ]);
  assert.equal(nothing[1].usage?.total_tokens, 0);
});

Deno.test("output after a choice finished is not sent", async () => {
  const chunks = await translate([
    { candidates: [{ content: { parts: [{ text: "Done." }] }, finishReason: "STOP" }] },
    { candidates: [{ content: { parts: [{ text: " More?" }] }, finishReason: "STOP" }] },
  ]);
  assert.equal(chunks.length, 1);
  assert.equal(assemble(chunks)[0].content, "Done.");
});

Deno.test("log probabilities ride on the chunk of their tokens", async () => {
  const chunks = await translate([{
    candidates: [{
      content: { parts: [{ text: "Hi" }] },
      logprobsResult: { chosenCandidates: [{ token: "Hi", logProbability: -0.1 }] },
      finishReason: "STOP",
    }],
  }]);
  assert.deepEqual(chunks[0].choices[0].logprobs, {
    content: [{ token: "Hi", logprob: -0.1, bytes: [72, 105], top_logprobs: [] }],
    refusal: null,
  });
});
