import assert from "node:assert/strict";
import { GatewayError } from "../../../src/core/errors.ts";
import { MAX_INPUTS, toEmbeddingPlan } from "../../../src/openai/embeddings/request.ts";
import { ModelAliases } from "../../../src/core/model_name.ts";
import { readFixture } from "../../helpers/fixtures.ts";

const DEFAULT = "gemini-embedding-001";
const ALIASES = new ModelAliases();

/** Asserts that `body` is refused with a 400 naming `param`, with a message matching `message`. */
function assertRefused(body: Record<string, unknown>, param: string, message?: RegExp) {
  assert.throws(() => toEmbeddingPlan(body, DEFAULT, ALIASES), (error) => {
    assert.ok(error instanceof GatewayError);
    assert.equal(error.status, 400);
    assert.equal(error.type, "invalid_request_error");
    assert.equal(error.param, param);
    if (message) assert.match(error.message, message);
    return true;
  });
}

Deno.test("reproduces the recorded gemini-embedding-2 batch request", async () => {
  const recorded = JSON.parse(
    await readFixture("10_batchEmbedContents_gemini-embedding-2.request.json"),
  );
  const plan = toEmbeddingPlan(
    {
      model: "gemini-embedding-2",
      input: ["First text", "Second text"],
      dimensions: 768,
    },
    DEFAULT,
    ALIASES,
  );
  assert.deepEqual(plan, {
    model: "gemini-embedding-2",
    encodingFormat: "float",
    batches: [recorded],
  });
});

Deno.test("a single string, the default model and the models/ prefix", async () => {
  const recorded = JSON.parse(
    await readFixture("11_batchEmbedContents_gemini-embedding-001.request.json"),
  );
  const plan = toEmbeddingPlan({ input: "Some text goes here", dimensions: 768 }, DEFAULT, ALIASES);
  assert.deepEqual(plan.batches, [recorded]);
  assert.equal(plan.model, DEFAULT);
  const prefixed = toEmbeddingPlan(
    { model: "models/gemini-embedding-2", input: "x" },
    DEFAULT,
    ALIASES,
  );
  assert.equal(prefixed.model, "gemini-embedding-2");
  assert.equal(prefixed.batches[0].requests[0].model, "models/gemini-embedding-2");
  assert.equal(prefixed.batches[0].requests[0].outputDimensionality, undefined);
});

Deno.test("splits into batches of at most 100, in order", () => {
  const input = Array.from({ length: 250 }, (_, i) => `text ${i}`);
  const plan = toEmbeddingPlan({ input }, DEFAULT, ALIASES);
  assert.deepEqual(plan.batches.map((batch) => batch.requests.length), [100, 100, 50]);
  const texts = plan.batches.flatMap((batch) =>
    batch.requests.map((request) => request.content.parts?.[0].text)
  );
  assert.deepEqual(texts, input);
});

Deno.test("encoding_format float, base64, null; other values refused", () => {
  assert.equal(toEmbeddingPlan({ input: "a" }, DEFAULT, ALIASES).encodingFormat, "float");
  assert.equal(
    toEmbeddingPlan({ input: "a", encoding_format: null }, DEFAULT, ALIASES).encodingFormat,
    "float",
  );
  assert.equal(
    toEmbeddingPlan({ input: "a", encoding_format: "base64" }, DEFAULT, ALIASES).encodingFormat,
    "base64",
  );
  assertRefused({ input: "a", encoding_format: "binary" }, "encoding_format", /binary/);
  assertRefused({ input: "a", encoding_format: 1 }, "encoding_format");
});

Deno.test("task_type from the top level, google or extra_body.google, any case", () => {
  const taskOf = (body: Record<string, unknown>) =>
    toEmbeddingPlan({ input: ["a", "b"], ...body }, DEFAULT, ALIASES).batches[0].requests.map((r) =>
      r.taskType
    );
  assert.deepEqual(taskOf({ task_type: "retrieval_query" }), [
    "RETRIEVAL_QUERY",
    "RETRIEVAL_QUERY",
  ]);
  assert.deepEqual(taskOf({ google: { task_type: "Clustering" } }), ["CLUSTERING", "CLUSTERING"]);
  assert.deepEqual(
    taskOf({ extra_body: { google: { task_type: "CODE_RETRIEVAL_QUERY" } } }),
    ["CODE_RETRIEVAL_QUERY", "CODE_RETRIEVAL_QUERY"],
  );
  assert.deepEqual(taskOf({}), [undefined, undefined]);
  assertRefused({ input: "a", task_type: "SEARCH" }, "task_type", /RETRIEVAL_QUERY/);
  assertRefused({ input: "a", google: { task_type: 3 } }, "google.task_type");
  assertRefused(
    { input: "a", extra_body: { google: { task_type: "x" } } },
    "extra_body.google.task_type",
  );
  assertRefused({ input: "a", google: "RETRIEVAL_QUERY" }, "google");
  assertRefused({ input: "a", extra_body: { google: [] } }, "extra_body.google");
});

Deno.test("title implies RETRIEVAL_DOCUMENT and is refused with any other task type", () => {
  const [implied] =
    toEmbeddingPlan({ input: "a", title: "Doc" }, DEFAULT, ALIASES).batches[0].requests;
  assert.equal(implied.taskType, "RETRIEVAL_DOCUMENT");
  assert.equal(implied.title, "Doc");
  const [explicit] = toEmbeddingPlan(
    { input: "a", google: { title: "Doc", task_type: "retrieval_document" } },
    DEFAULT,
    ALIASES,
  ).batches[0].requests;
  assert.deepEqual(
    { taskType: explicit.taskType, title: explicit.title },
    { taskType: "RETRIEVAL_DOCUMENT", title: "Doc" },
  );
  assertRefused({ input: "a", title: "Doc", task_type: "RETRIEVAL_QUERY" }, "title", /RETRIEVAL/);
  assertRefused({ input: "a", google: { title: "" } }, "google.title");
  assertRefused({ input: "a", title: 5 }, "title");
});

Deno.test("empty input is refused", () => {
  assertRefused({}, "input", /Missing required parameter/);
  assertRefused({ input: null }, "input", /Missing required parameter/);
  assertRefused({ input: "" }, "input", /non-empty string/);
  assertRefused({ input: [] }, "input", /non-empty array/);
  assertRefused({ input: ["a", "b", "c", ""] }, "input[3]", /empty/);
});

Deno.test("token arrays are refused", () => {
  assertRefused({ input: [1, 2, 3] }, "input", /token arrays/);
  assertRefused({ input: [[1, 2, 3]] }, "input", /token arrays/);
  assertRefused({ input: ["a", [1, 2]] }, "input[1]", /token arrays/);
});

Deno.test("non-string input is refused", () => {
  assertRefused({ input: 42 }, "input", /string/);
  assertRefused({ input: { text: "a" } }, "input", /string/);
  assertRefused({ input: ["a", null] }, "input[1]", /expected a string/);
  assertRefused({ input: ["a", { text: "b" }] }, "input[1]", /expected a string/);
});

Deno.test("more inputs than OpenAI allows are refused", () => {
  assertRefused({ input: Array(MAX_INPUTS + 1).fill("a") }, "input", /2048/);
});

Deno.test("model must be a non-empty string", () => {
  assertRefused({ input: "a", model: "" }, "model");
  assertRefused({ input: "a", model: "models/" }, "model");
  assertRefused({ input: "a", model: 7 }, "model");
});

Deno.test("dimensions must be a positive integer", () => {
  assert.equal(
    toEmbeddingPlan({ input: "a", dimensions: 256 }, DEFAULT, ALIASES).batches[0].requests[0]
      .outputDimensionality,
    256,
  );
  for (const dimensions of [0, -1, 1.5, "256", true]) {
    assertRefused({ input: "a", dimensions }, "dimensions", /dimensions/);
  }
});
