import assert from "node:assert/strict";
import { transcriptionEvents } from "../../../src/openai/audio/transcription_stream.ts";

Deno.test("transcriptionEvents: deltas as they come, done with all the text and usage", () => {
  const events = transcriptionEvents();
  const chunk = (text: string) => ({ candidates: [{ content: { parts: [{ text }] } }] });
  assert.equal(
    events.next(chunk("Hello ")),
    'data: {"type":"transcript.text.delta","delta":"Hello "}\n\n',
  );
  assert.equal(events.next(chunk("")), "");
  events.next({
    ...chunk("world"),
    usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 2 },
  });
  const done = JSON.parse(events.end().slice(6));
  assert.equal(done.type, "transcript.text.done");
  assert.equal(done.text, "Hello world");
  assert.equal(done.usage.total_tokens, 3);
});

Deno.test("transcriptionEvents: a usage-only chunk adds nothing; a blocked prompt fails", () => {
  const events = transcriptionEvents();
  assert.equal(events.next({ usageMetadata: { promptTokenCount: 4 } }), "");
  assert.equal(JSON.parse(events.end().slice(6)).usage.input_tokens, 4);
  assert.throws(() => transcriptionEvents().next({ promptFeedback: { blockReason: "OTHER" } }), {
    status: 400,
    code: "content_policy_violation",
  });
  assert.throws(
    () => transcriptionEvents().next({ candidates: [{ finishReason: "PROHIBITED_CONTENT" }] }),
    { status: 400, code: "content_policy_violation" },
  );
});
