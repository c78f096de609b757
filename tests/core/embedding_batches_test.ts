import assert from "node:assert/strict";
import { toEmbeddingBatches, toEmbeddingVectors } from "../../src/core/embedding_batches.ts";
import { GatewayError } from "../../src/core/errors.ts";

const texts = Array.from({ length: 250 }, (_, i) => `text ${i}`);

Deno.test("texts go in order, 100 per call, each with the shared fields", () => {
  const batches = toEmbeddingBatches(texts, { model: "models/m", outputDimensionality: 8 });
  assert.deepEqual(batches.map((batch) => batch.requests.length), [100, 100, 50]);
  assert.deepEqual(batches[2].requests[49], {
    model: "models/m",
    outputDimensionality: 8,
    content: { parts: [{ text: "text 249" }] },
  });
  assert.deepEqual(toEmbeddingBatches([], { model: "models/m" }), []);
});

Deno.test("vectors in order; tokens reported, or estimated at four characters each", () => {
  const batches = toEmbeddingBatches(["abcd", "abcdefgh", "x"], { model: "models/m" });
  const { vectors, tokens } = toEmbeddingVectors(batches, [{
    embeddings: [{ values: [1] }, { values: [2] }, { values: [3] }],
  }]);
  assert.deepEqual(vectors, [[1], [2], [3]]);
  assert.equal(tokens, 1 + 2 + 1);
  const reported = toEmbeddingVectors(batches, [{
    embeddings: [{ values: [1] }, { values: [2] }, { values: [3] }],
    usageMetadata: { promptTokenCount: 9 },
  }] as never);
  assert.equal(reported.tokens, 9);
});

Deno.test("a wrong count or a vector that is not numbers is a 502", () => {
  const batches = toEmbeddingBatches(["a", "b"], { model: "models/m" });
  const bad = (embeddings: unknown) => () => toEmbeddingVectors(batches, [{ embeddings } as never]);
  for (const embeddings of [[{ values: [1] }], [{ values: [1] }, { values: ["x"] }]]) {
    assert.throws(
      bad(embeddings),
      (error) => error instanceof GatewayError && error.status === 502,
    );
  }
});
