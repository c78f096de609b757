import assert from "node:assert/strict";
import { decodeBase64 } from "../../src/http/base64.ts";

Deno.test("both alphabets decode to the same bytes", () => {
  const bytes = new Uint8Array([251, 255, 191, 0, 1]);
  assert.deepEqual(decodeBase64(bytes.toBase64()), bytes);
  assert.deepEqual(decodeBase64(bytes.toBase64({ alphabet: "base64url" })), bytes);
});

Deno.test("malformed base64 throws", () => {
  assert.throws(() => decodeBase64("not*base64"), SyntaxError);
});
