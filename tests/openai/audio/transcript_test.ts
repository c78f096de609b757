import assert from "node:assert/strict";
import { readTranscript, transcriptSchema } from "../../../src/openai/audio/transcript.ts";

Deno.test("transcriptSchema: words only when asked for", () => {
  assert.deepEqual(transcriptSchema(false).required, ["language", "text", "segments"]);
  assert.deepEqual(transcriptSchema(true).required, ["language", "text", "segments", "words"]);
});

Deno.test("readTranscript: the schema's JSON, read leniently; other text as the text", () => {
  assert.deepEqual(
    readTranscript(JSON.stringify({
      language: " English ",
      segments: [{ start: 1, end: 0.5, text: "a" }, "junk", { start: -2, end: 3, text: "b" }],
      words: [{ word: "a", start: 1, end: 2 }, { start: 1 }],
    })),
    {
      language: "english",
      text: "a b",
      segments: [{ start: 1, end: 1, text: "a" }, { start: 0, end: 3, text: "b" }],
      words: [{ word: "a", start: 1, end: 2 }],
    },
  );
  assert.deepEqual(readTranscript(" plain words "), {
    text: "plain words",
    segments: [],
    words: [],
  });
  assert.deepEqual(readTranscript("[1]"), { text: "[1]", segments: [], words: [] });
});
