import assert from "node:assert/strict";
import { readTranscript, transcriptSchema } from "../../../src/openai/audio/transcript.ts";

Deno.test("transcriptSchema: words and speakers only when asked for", () => {
  const schema = (words: boolean, speakers: boolean) =>
    transcriptSchema({ words, speakers }) as {
      required: string[];
      properties: { segments: { items: { required: string[] } } };
    };
  assert.deepEqual(schema(false, false).required, ["language", "text", "segments"]);
  assert.deepEqual(schema(true, false).required, ["language", "text", "segments", "words"]);
  assert.deepEqual(schema(false, false).properties.segments.items.required, [
    "start",
    "end",
    "text",
  ]);
  assert.deepEqual(schema(false, true).properties.segments.items.required, [
    "start",
    "end",
    "text",
    "speaker",
  ]);
});

Deno.test("readTranscript: the schema's JSON, read leniently; other text as the text", () => {
  assert.deepEqual(
    readTranscript(JSON.stringify({
      language: " English ",
      segments: [{ start: 1, end: 0.5, text: "a", speaker: " B " }, "junk", {
        start: -2,
        end: 3,
        text: "b",
        speaker: 7,
      }],
      words: [{ word: "a", start: 1, end: 2 }, { start: 1 }],
    })),
    {
      language: "english",
      text: "a b",
      segments: [{ start: 1, end: 1, text: "a", speaker: "B" }, { start: 0, end: 3, text: "b" }],
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
