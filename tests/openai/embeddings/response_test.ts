import assert from "node:assert/strict";
import { toEmbeddingPlan } from "../../../src/openai/embeddings/request.ts";
import { toEmbeddingResponse } from "../../../src/openai/embeddings/response.ts";
import { GatewayError } from "../../../src/core/errors.ts";
import type { BatchEmbedContentsResponse } from "../../../src/gemini/types.ts";
import { ModelAliases } from "../../../src/core/model_name.ts";
import { readFixture } from "../../helpers/fixtures.ts";
import { assertSchema } from "../../helpers/openapi.ts";

const DEFAULT = "gemini-embedding-001";
const ALIASES = new ModelAliases();

async function fixture(name: string): Promise<BatchEmbedContentsResponse> {
  return JSON.parse(await readFixture(name));
}

/** Decodes little-endian float32 bytes in base64. */
function decode(base64: string): number[] {
  const bytes = Uint8Array.fromBase64(base64);
  const view = new DataView(bytes.buffer);
  return Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

Deno.test("gemini-embedding-2 fixture: floats and the reported usage", async () => {
  const gemini = await fixture("10_batchEmbedContents_gemini-embedding-2.json");
  const plan = toEmbeddingPlan(
    { model: "models/gemini-embedding-2", input: ["First text", "Second text"] },
    DEFAULT,
    ALIASES,
  );
  const response = toEmbeddingResponse(plan, [gemini]);
  assertSchema("CreateEmbeddingResponse", response);
  assert.equal(response.object, "list");
  assert.equal(response.model, "gemini-embedding-2");
  assert.deepEqual(response.usage, { prompt_tokens: 4, total_tokens: 4 });
  assert.deepEqual(
    response.data,
    gemini.embeddings.map(({ values }, index) => ({
      object: "embedding",
      index,
      embedding: values,
    })),
  );
});

Deno.test("gemini-embedding-001 fixture: usage estimated at four characters a token", async () => {
  const gemini = await fixture("11_batchEmbedContents_gemini-embedding-001.json");
  const plan = toEmbeddingPlan({ input: "Some text goes here" }, DEFAULT, ALIASES);
  const response = toEmbeddingResponse(plan, [gemini]);
  assertSchema("CreateEmbeddingResponse", response);
  assert.equal(response.model, DEFAULT);
  assert.deepEqual(response.usage, { prompt_tokens: 5, total_tokens: 5 });
  assert.equal((response.data[0].embedding as number[]).length, 768);
});

Deno.test("base64 is little-endian float32 of the same values", async () => {
  const gemini = await fixture("10_batchEmbedContents_gemini-embedding-2.json");
  const plan = toEmbeddingPlan(
    {
      model: "gemini-embedding-2",
      input: ["First text", "Second text"],
      encoding_format: "base64",
    },
    DEFAULT,
    ALIASES,
  );
  const response = toEmbeddingResponse(plan, [gemini]);
  response.data.forEach(({ embedding, index }) => {
    assert.equal(typeof embedding, "string");
    assert.equal(Uint8Array.fromBase64(embedding as string).length, 768 * 4);
    assert.deepEqual(decode(embedding as string), gemini.embeddings[index].values.map(Math.fround));
  });
  const bytes = Uint8Array.fromBase64(response.data[0].embedding as string);
  const first = gemini.embeddings[0].values[0];
  assert.equal(new DataView(bytes.buffer).getFloat32(0, true), Math.fround(first));
});

Deno.test("batches are joined in order with running indexes and summed usage", () => {
  const input = Array.from({ length: 250 }, (_, i) => `t${i}`);
  const plan = toEmbeddingPlan({ input }, DEFAULT, ALIASES);
  const responses = plan.batches.map((batch, b) => ({
    embeddings: batch.requests.map((_, i) => ({ values: [1, b * 100 + i] })),
    usageMetadata: { promptTokenCount: batch.requests.length * 2 },
  }));
  const response = toEmbeddingResponse(plan, responses);
  assertSchema("CreateEmbeddingResponse", response);
  assert.equal(response.data.length, 250);
  response.data.forEach(({ index, embedding }, i) => {
    assert.equal(index, i);
    assert.deepEqual(embedding, [1 / Math.hypot(1, i), i / Math.hypot(1, i)]);
  });
  assert.deepEqual(response.usage, { prompt_tokens: 500, total_tokens: 500 });
});

Deno.test("an answer that does not match the batch is a 502", () => {
  const plan = toEmbeddingPlan({ input: ["a", "b"] }, DEFAULT, ALIASES);
  const bad: BatchEmbedContentsResponse[][] = [
    [{ embeddings: [{ values: [1] }] }],
    [{} as BatchEmbedContentsResponse],
    [{ embeddings: [{ values: [1] }, { values: ["x"] as unknown as number[] }] }],
  ];
  for (const responses of bad) {
    assert.throws(() => toEmbeddingResponse(plan, responses), (error) => {
      assert.ok(error instanceof GatewayError);
      assert.equal(error.status, 502);
      return true;
    });
  }
});

Deno.test("vectors of unit length pass through unchanged; others are normalized", () => {
  const plan = toEmbeddingPlan({ input: ["a", "b"], encoding_format: "float" }, DEFAULT, ALIASES);
  const unitLength = [0.6, 0.8];
  const response = toEmbeddingResponse(plan, [{
    embeddings: [{ values: unitLength }, { values: [3, 4] }],
  }]);
  assert.equal(response.data[0].embedding, unitLength);
  assert.deepEqual(response.data[1].embedding, [0.6, 0.8]);
});
