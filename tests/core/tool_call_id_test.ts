import assert from "node:assert/strict";
import { decodeToolCallId, encodeToolCallId } from "../../src/core/tool_call_id.ts";

const signature = "EpwICpkIAXLI2nxlU6gs+/8ABCD=";

Deno.test("a signature survives the round trip through the id", () => {
  const id = encodeToolCallId(signature);
  assert.match(id, /^call_[A-Za-z0-9_-]+$/);
  assert.equal(decodeToolCallId(id), Uint8Array.fromBase64(signature).toBase64());
});

Deno.test("Anthropic's toolu_ prefix carries a signature the same way", () => {
  const id = encodeToolCallId(signature, "toolu_");
  assert.match(id, /^toolu_[A-Za-z0-9_-]+$/);
  assert.equal(decodeToolCallId(id), Uint8Array.fromBase64(signature).toBase64());
  assert.match(encodeToolCallId(undefined, "toolu_"), /^toolu_[A-Za-z0-9]+$/);
});

Deno.test("URL-safe signatures are accepted and returned in standard base64", () => {
  const id = encodeToolCallId("EpwICpkIAXLI2nxlU6gs-_8ABCD");
  assert.equal(decodeToolCallId(id), Uint8Array.fromBase64(signature).toBase64());
});

Deno.test("ids are unique and carry nothing without a signature", () => {
  const a = encodeToolCallId();
  assert.notEqual(a, encodeToolCallId());
  assert.equal(decodeToolCallId(a), undefined);
  assert.equal(decodeToolCallId("call_abc"), undefined);
  assert.equal(decodeToolCallId("fc_01_ts_abc"), undefined);
});

Deno.test("a malformed signature gives a plain id rather than a failure", () => {
  const id = encodeToolCallId("not*base64");
  assert.match(id, /^call_[A-Za-z0-9]+$/);
});
