import assert from "node:assert/strict";
import { seal, unseal } from "../../../src/openai/responses/sealed.ts";

Deno.test("sealed content reads back as it was sealed", () => {
  const value = { signature: "c2lnbmF0dXJl", summary: "We fixed the parser — ✓." };
  const sealed = seal(value);
  assert.match(sealed, /^gw1\.[A-Za-z0-9_-]+$/);
  assert.deepEqual(unseal(sealed), value);
  assert.deepEqual(unseal(seal({ signature: "abc" })), { signature: "abc" });
});

Deno.test("content the gateway did not seal reads as nothing", () => {
  for (
    const content of [
      undefined,
      null,
      42,
      "gAAAAABopaque-openai-content",
      "gw1.***",
      `gw1.${btoa("not json")}`,
      `gw1.${new TextEncoder().encode('{"signature":1}').toBase64({ alphabet: "base64url" })}`,
    ]
  ) {
    assert.deepEqual(unseal(content), {}, String(content));
  }
});
