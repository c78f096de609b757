import assert from "node:assert/strict";
import {
  closeForClient,
  closeForUpstream,
  MAX_REASON_BYTES,
  truncateReason,
} from "../../src/live/close_codes.ts";

const bytes = (text: string) => new TextEncoder().encode(text).length;

Deno.test("truncateReason keeps short reasons and cuts long ones at a character boundary", () => {
  assert.equal(truncateReason("Internal error occurred."), "Internal error occurred.");
  assert.equal(truncateReason("a".repeat(200)), "a".repeat(MAX_REASON_BYTES));
  const accented = truncateReason("é".repeat(100));
  assert.equal(accented, "é".repeat(61));
  const emoji = truncateReason("x" + "😀".repeat(40));
  assert.ok(bytes(emoji) <= MAX_REASON_BYTES);
  assert.equal(emoji, "x" + "😀".repeat(30));
});

Deno.test("closeForClient relays Gemini's error codes and reasons as they are", () => {
  for (const code of [1000, 1001, 1007, 1008, 1011, 1013, 3000, 4999]) {
    assert.deepEqual(closeForClient(code, "why"), { code, reason: "why" });
  }
  const long = closeForClient(1008, "x".repeat(300));
  assert.equal(bytes(long.reason), MAX_REASON_BYTES);
});

Deno.test("closeForClient replaces codes that may not be sent", () => {
  assert.deepEqual(closeForClient(1005, ""), {
    code: 1000,
    reason: "Gemini's Live API closed the session without a status code.",
  });
  for (const code of [0, 1006]) {
    assert.deepEqual(closeForClient(code, ""), {
      code: 1011,
      reason: "The connection to Gemini's Live API was lost.",
    });
  }
  assert.deepEqual(closeForClient(1015, "tls"), {
    code: 1011,
    reason: "Gemini's Live API closed the session with code 1015: tls",
  });
  assert.deepEqual(closeForClient(2000, ""), {
    code: 1011,
    reason: "Gemini's Live API closed the session with code 2000.",
  });
  assert.ok(bytes(closeForClient(1014, "y".repeat(200)).reason) <= MAX_REASON_BYTES);
});

Deno.test("closeForUpstream relays 1000 and 3000–4999; other codes become 1000", () => {
  assert.deepEqual(closeForUpstream(1000, "bye"), { code: 1000, reason: "bye" });
  assert.deepEqual(closeForUpstream(4001, "app"), { code: 4001, reason: "app" });
  assert.deepEqual(closeForUpstream(1005, ""), { code: 1000, reason: "" });
  assert.deepEqual(closeForUpstream(1001, ""), {
    code: 1000,
    reason: "The client closed the session with code 1001.",
  });
  assert.deepEqual(closeForUpstream(1008, "policy"), {
    code: 1000,
    reason: "The client closed the session with code 1008: policy",
  });
  assert.deepEqual(closeForUpstream(1006, ""), {
    code: 1000,
    reason: "The client's connection was lost.",
  });
});
