import assert from "node:assert/strict";
import { GatewayError } from "../../src/core/errors.ts";
import { parseGeminiEvents } from "../../src/gemini/sse.ts";
import type { GenerateContentResponse } from "../../src/gemini/types.ts";
import { readFixtureBytes } from "../helpers/fixtures.ts";

/** A body that delivers `bytes` in pieces of `size` bytes, splitting lines and characters. */
function pieces(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset += size));
    },
  });
}

async function collect(stream: ReadableStream<GenerateContentResponse>) {
  const events: GenerateContentResponse[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

Deno.test("parses a real CRLF-framed capture however it is split", async () => {
  const bytes = await readFixtureBytes("01_sse_raw_text_3chunks_gemini-2.0-flash-exp.sse");
  for (const size of [1, 7, 64, bytes.length]) {
    const events = await collect(parseGeminiEvents(pieces(bytes, size)));
    assert.equal(events.length, 3);
    assert.equal(
      events.map((event) => event.candidates?.[0].content?.parts?.[0].text).join(""),
      "The capital of France is Paris.\n",
    );
    assert.equal(events[2].candidates?.[0].finishReason, "STOP");
    assert.equal(events[2].usageMetadata?.promptTokenCount, 13);
  }
});

Deno.test("yields events before the body ends", async () => {
  let push!: (text: string) => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      push = (text) => controller.enqueue(new TextEncoder().encode(text));
    },
  });
  const reader = parseGeminiEvents(body).getReader();
  push('data: {"responseId": "a"}\r\n\r\n');
  const first = await reader.read();
  assert.equal(first.value?.responseId, "a");
  await reader.cancel();
});

Deno.test("an in-band error event errors the stream after the output before it", async () => {
  const bytes = await readFixtureBytes("37_sse_midstream_error_EXAMPLE_reconstructed.sse");
  const reader = parseGeminiEvents(pieces(bytes, 100)).getReader();
  const first = await reader.read();
  assert.ok(first.value?.candidates);
  let failure: unknown;
  try {
    while (!(await reader.read()).done);
  } catch (error) {
    failure = error;
  }
  assert.ok(failure instanceof GatewayError);
  assert.equal(failure.status, 503);
});

Deno.test("an event that is not JSON is a 502", async () => {
  const body = pieces(new TextEncoder().encode("data: {not json\r\n\r\n"), 100);
  await assert.rejects(
    collect(parseGeminiEvents(body)),
    (error) => error instanceof GatewayError && error.status === 502,
  );
});

Deno.test("a last event without its blank line is not lost", async () => {
  const text = 'data: {"responseId": "a"}\r\n\r\ndata: {"error": {"code": 503, "message": "busy"}}';
  const reader = parseGeminiEvents(pieces(new TextEncoder().encode(text), 10)).getReader();
  assert.equal((await reader.read()).value?.responseId, "a");
  await assert.rejects(
    reader.read(),
    (error) => error instanceof GatewayError && error.status === 503,
  );
  const ended = 'data: {"responseId": "b"}\n';
  const events = await collect(parseGeminiEvents(pieces(new TextEncoder().encode(ended), 4)));
  assert.deepEqual(events.map((event) => event.responseId), ["b"]);
});
