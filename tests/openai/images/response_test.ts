import assert from "node:assert/strict";
import {
  toImageEvents,
  toImagesResponse,
  toImagesUsage,
} from "../../../src/openai/images/response.ts";

const image = (data: string, thought = false) => ({
  candidates: [{
    content: {
      parts: [
        { text: "Here it is" },
        { inlineData: { mimeType: "image/png", data: "thought" }, thought: true },
        { inlineData: { mimeType: "image/jpeg", data }, ...(thought ? { thought } : {}) },
      ],
    },
    finishReason: "STOP",
  }],
  usageMetadata: {
    promptTokenCount: 10,
    candidatesTokenCount: 1290,
    promptTokensDetails: [{ modality: "TEXT", tokenCount: 4 }, {
      modality: "IMAGE",
      tokenCount: 6,
    }],
  },
});

Deno.test("toImagesResponse: each answer's first picture (not a thought), its format, usage", () => {
  const answer = toImagesResponse([image("a"), image("b")], "b64_json", 7);
  assert.deepEqual(answer.data, [{ b64_json: "a" }, { b64_json: "b" }]);
  assert.equal(answer.created, 7);
  assert.equal(answer.output_format, "jpeg");
  assert.deepEqual(answer.usage, toImagesUsage([image("a"), image("b")]));
  assert.deepEqual(answer.usage, {
    total_tokens: 2600,
    input_tokens: 20,
    output_tokens: 2580,
    input_tokens_details: { text_tokens: 8, image_tokens: 12 },
  });
  assert.deepEqual(toImagesResponse([image("a")], "url", 7).data, [{
    url: "data:image/jpeg;base64,a",
  }]);
});

Deno.test("toImagesResponse: a policy stop is a 400, an answer without picture a 502", () => {
  assert.throws(
    () =>
      toImagesResponse(
        [{ candidates: [{ finishReason: "IMAGE_SAFETY", finishMessage: "no" }] }],
        "b64_json",
        1,
      ),
    { status: 400, code: "content_policy_violation" },
  );
  assert.throws(() => toImagesResponse([image("x", true)], "b64_json", 1), {
    status: 502,
    code: "no_image",
  });
});

Deno.test("toImageEvents: an event per answer; sizes and qualities OpenAI cannot name are auto", () => {
  const text = toImageEvents([image("a"), image("b")], "image_edit.completed", {
    size: "1024x1024",
    quality: "hd",
  }, 7);
  const events = text.split("\n\n").filter(Boolean);
  assert.equal(events.length, 2);
  assert.ok(events[0].startsWith("event: image_edit.completed\ndata: "));
  const first = JSON.parse(events[0].split("data: ")[1]);
  assert.deepEqual(first, {
    type: "image_edit.completed",
    b64_json: "a",
    created_at: 7,
    size: "1024x1024",
    quality: "auto",
    background: "opaque",
    output_format: "jpeg",
    usage: toImagesUsage([image("a")]),
  });
  assert.throws(
    () => toImageEvents([image("x", true)], "image_generation.completed", {}, 1),
    { code: "no_image" },
  );
});
