import assert from "node:assert/strict";
import { missingMedia } from "../../src/openai/media_failure.ts";

Deno.test("missingMedia: policy stops are 400 content_policy_violation at the param", () => {
  const blocked = missingMedia(
    { promptFeedback: { blockReason: "SAFETY", blockReasonMessage: "Not allowed." } },
    "an image",
    "prompt",
    "no_image",
  );
  assert.equal(blocked.status, 400);
  assert.equal(blocked.param, "prompt");
  assert.equal(blocked.code, "content_policy_violation");
  assert.equal(
    blocked.message,
    "Gemini declined to make an image for this request (reason: SAFETY). Not allowed.",
  );
  const stopped = missingMedia(
    { candidates: [{ finishReason: "IMAGE_SAFETY" }] },
    "an image",
    "prompt",
    "no_image",
  );
  assert.equal(stopped.code, "content_policy_violation");
});

Deno.test("missingMedia: anything else is a 502 quoting the model", () => {
  const error = missingMedia(
    {
      candidates: [{
        content: { parts: [{ text: "thinking", thought: true }, { text: "Only text, sorry." }] },
        finishReason: "STOP",
      }],
    },
    "audio",
    "input",
    "no_audio",
  );
  assert.equal(error.status, 502);
  assert.equal(error.code, "no_audio");
  assert.equal(
    error.message,
    "Gemini answered without audio (finish reason: STOP), saying: Only text, sorry.",
  );
  assert.match(missingMedia({}, "audio", "input", "no_audio").message, /finish reason: none\)\.$/);
});
