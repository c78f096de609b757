import assert from "node:assert/strict";
import { GatewayError } from "../../src/core/errors.ts";
import { GeminiEventParser } from "../../src/gemini/sse.ts";
import type { GenerateContentResponse } from "../../src/gemini/types.ts";
import { readFixtureBytes } from "../helpers/fixtures.ts";

const encode = (text: string) => new TextEncoder().encode(text);

/** Everything `parser` makes of `bytes` fed in pieces of `size` bytes, then ended. */
function parseAll(
  bytes: Uint8Array,
  size: number,
  parser = new GeminiEventParser(1 << 20),
): GenerateContentResponse[] {
  const responses: GenerateContentResponse[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) {
    responses.push(...parser.push(bytes.slice(offset, offset + size)));
  }
  return [...responses, ...parser.end()];
}

Deno.test("parses a real CRLF-framed capture however it is split", async () => {
  const bytes = await readFixtureBytes("01_sse_raw_text_3chunks_gemini-2.0-flash-exp.sse");
  for (const size of [1, 7, 64, bytes.length]) {
    const events = parseAll(bytes, size);
    assert.equal(events.length, 3);
    assert.equal(
      events.map((event) => event.candidates?.[0].content?.parts?.[0].text).join(""),
      "The capital of France is Paris.\n",
    );
    assert.equal(events[2].candidates?.[0].finishReason, "STOP");
    assert.equal(events[2].usageMetadata?.promptTokenCount, 13);
  }
});

Deno.test("an event is returned by the chunk that completes it, and counted", () => {
  const parser = new GeminiEventParser(1 << 20);
  assert.deepEqual(parser.push(encode('data: {"responseId": "a"}\r\n')), []);
  assert.deepEqual(parser.push(encode("\r\n")), [{ responseId: "a" }]);
  assert.equal(parser.count, 1);
});

Deno.test("an in-band error event throws after the output before it", async () => {
  const bytes = await readFixtureBytes("37_sse_midstream_error_EXAMPLE_reconstructed.sse");
  const parser = new GeminiEventParser(1 << 20);
  const seen: GenerateContentResponse[] = [];
  assert.throws(
    () => {
      for (let offset = 0; offset < bytes.length; offset += 100) {
        seen.push(...parser.push(bytes.slice(offset, offset + 100)));
      }
      parser.end();
    },
    (error) => error instanceof GatewayError && error.status === 503,
  );
  assert.ok(seen[0].candidates);
});

Deno.test("an event that is not a JSON object is a 502", () => {
  for (const data of ["{not json", "[1]", "null"]) {
    assert.throws(
      () => parseAll(encode(`data: ${data}\r\n\r\n`), 100),
      (error) => error instanceof GatewayError && error.status === 502,
    );
  }
});

Deno.test("an event larger than the limit is a 502 before it completes", () => {
  const parser = new GeminiEventParser(1024);
  parser.push(encode(`data: {"a": "${"x".repeat(1000)}"}\n\n`));
  assert.throws(
    () => parser.push(encode(`data: {"a": "${"x".repeat(2000)}`)),
    (error) =>
      error instanceof GatewayError && error.status === 502 && /1024 bytes/.test(error.message),
  );
});

Deno.test("a last event without its blank line is not lost", () => {
  const text = 'data: {"responseId": "a"}\r\n\r\ndata: {"error": {"code": 503, "message": "busy"}}';
  const parser = new GeminiEventParser(1 << 20);
  assert.deepEqual(parser.push(encode(text)), [{ responseId: "a" }]);
  assert.throws(
    () => parser.end(),
    (error) => error instanceof GatewayError && error.status === 503,
  );
  assert.deepEqual(parseAll(encode('data: {"responseId": "b"}\n'), 4), [{ responseId: "b" }]);
});
