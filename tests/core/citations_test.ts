import assert from "node:assert/strict";
import { toCitations } from "../../src/core/citations.ts";
import type { GroundingMetadata } from "../../src/gemini/types.ts";

const chunks = [
  { web: { uri: "https://a.example/x y", title: "a.example" } },
  { web: { uri: "https://b.example/" } },
  {},
];

Deno.test("supports: UTF-8 byte segments become code point ranges, one per source", () => {
  const text = "Héllo wörld. Bye.";
  const bytes = new TextEncoder().encode("Héllo wörld.").length;
  const metadata: GroundingMetadata = {
    groundingChunks: chunks,
    groundingSupports: [{
      segment: { startIndex: 0, endIndex: bytes },
      groundingChunkIndices: [0, 1, 2],
    }],
  };
  assert.deepEqual(toCitations(metadata, text), [
    { url: "https://a.example/x%20y", title: "a.example", start: 0, end: 12 },
    { url: "https://b.example/", title: "https://b.example/", start: 0, end: 12 },
  ]);
});

Deno.test("a segment whose bytes do not hold its quoted text is found by the text", () => {
  const metadata: GroundingMetadata = {
    groundingChunks: chunks,
    groundingSupports: [{
      segment: { startIndex: 0, endIndex: 3, text: "Bye." },
      groundingChunkIndices: [0],
    }],
  };
  assert.deepEqual(toCitations(metadata, "Hi. Bye."), [
    { url: "https://a.example/x%20y", title: "a.example", start: 4, end: 8 },
  ]);
});

Deno.test("without supports every source covers the whole text; without chunks nothing", () => {
  assert.deepEqual(
    toCitations({ groundingChunks: chunks }, "añb").map(({ start, end }) => [start, end]),
    [[0, 3], [0, 3]],
  );
  assert.deepEqual(toCitations(undefined, "x"), []);
  assert.deepEqual(toCitations({ webSearchQueries: ["q"] }, "x"), []);
});
