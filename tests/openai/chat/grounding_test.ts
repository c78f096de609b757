import assert from "node:assert/strict";
import { toAnnotations } from "../../../src/openai/chat/grounding.ts";
import type { GroundingMetadata } from "../../../src/gemini/types.ts";
import { cassetteBodies, sseEvents } from "./replay.ts";

/** The text each annotation covers, by code points. */
function cited(text: string, metadata: GroundingMetadata): string[] {
  const chars = [...text];
  return toAnnotations(metadata, text).map(({ url_citation: { start_index, end_index } }) =>
    chars.slice(start_index, end_index).join("")
  );
}

Deno.test("streamed grounding: byte offsets over the whole answer become characters (fixture 05)", async () => {
  const events = await sseEvents("05_sse_raw_googleSearch_groundingMetadata_gemini-2.5-pro.sse");
  const text = events.map((event) => event.candidates![0].content!.parts![0].text).join("");
  const metadata = events.at(-1)!.candidates![0].groundingMetadata!;
  assert.notEqual(new TextEncoder().encode(text).length, text.length, "the text has non-ASCII");
  const supports = metadata.groundingSupports!;
  const expected = supports.flatMap((support) =>
    support.groundingChunkIndices!.map(() => support.segment!.text!)
  );
  assert.deepEqual(cited(text, metadata), expected);
  const annotations = toAnnotations(metadata, text);
  assert.equal(annotations.length, 9);
  assert.deepEqual(annotations[0], {
    type: "url_citation",
    url_citation: {
      url: "https://www.google.com/search?q=weather+in+San%20Francisco,%20CA,+US",
      title: "Weather information for San Francisco, CA, US",
      start_index: 235,
      end_index: 371,
    },
  });
  assert.equal(annotations[1].url_citation.title, "timeanddate.com");
});

Deno.test("non-streamed grounding (fixture 25)", async () => {
  for (const body of await cassetteBodies("25_pyd_generateContent_googleSearch_grounding.yaml")) {
    const candidate = body.candidates![0];
    const text = candidate.content!.parts![0].text!;
    const metadata = candidate.groundingMetadata!;
    const expected = metadata.groundingSupports!.flatMap((support) =>
      support.groundingChunkIndices!.map(() => support.segment!.text!)
    );
    assert.deepEqual(cited(text, metadata), expected);
  }
});

Deno.test("characters beyond the BMP count once", () => {
  const text = "🌉 Golden Gate. It is red.";
  const bytes = new TextEncoder().encode(text);
  const start = bytes.indexOf("I".charCodeAt(0));
  const annotations = toAnnotations({
    groundingChunks: [{ web: { uri: "https://example.com/", title: "Example" } }],
    groundingSupports: [{
      segment: { startIndex: start, endIndex: bytes.length, text: "It is red." },
      groundingChunkIndices: [0],
    }],
  }, text);
  assert.deepEqual(annotations[0].url_citation, {
    url: "https://example.com/",
    title: "Example",
    start_index: 15,
    end_index: 25,
  });
});

Deno.test("a segment whose bytes do not hold its text is found by the text", () => {
  const text = "```python\nprint(1)\n```\nThe answer is 1.";
  const annotations = toAnnotations({
    groundingChunks: [{ web: { uri: "https://example.com/", title: "Example" } }],
    groundingSupports: [{
      segment: { partIndex: 2, startIndex: 0, endIndex: 16, text: "The answer is 1." },
      groundingChunkIndices: [0],
    }],
  }, text);
  assert.equal(annotations[0].url_citation.start_index, 23);
  assert.equal(annotations[0].url_citation.end_index, 39);
});

Deno.test("sources without supports are cited over the whole text", () => {
  const annotations = toAnnotations({
    groundingChunks: [
      { web: { uri: "https://a.example/", title: "A" } },
      { web: { title: "no uri" } },
      { web: { uri: "https://b.example/" } },
    ],
  }, "naïve café");
  assert.deepEqual(annotations.map((a) => a.url_citation), [
    { url: "https://a.example/", title: "A", start_index: 0, end_index: 10 },
    { url: "https://b.example/", title: "https://b.example/", start_index: 0, end_index: 10 },
  ]);
});

Deno.test("no or empty grounding metadata cites nothing", () => {
  assert.deepEqual(toAnnotations(undefined, "text"), []);
  assert.deepEqual(toAnnotations({}, "text"), []);
});
