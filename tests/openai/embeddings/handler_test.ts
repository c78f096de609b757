import assert from "node:assert/strict";
import OpenAI from "npm:openai@7.57.0";
import type {
  BatchEmbedContentsRequest,
  BatchEmbedContentsResponse,
} from "../../../src/gemini/types.ts";
import type { CreateEmbeddingResponse, ErrorResponse } from "../../../src/openai/types.ts";
import { type Gateway, startGateway } from "../../helpers/harness.ts";
import { assertSchema } from "../../helpers/openapi.ts";

const texts = (count: number) => Array.from({ length: count }, (_, i) => `text number ${i}`);

/** `values` scaled to unit length, as the gateway returns shortened vectors. */
const unit = (values: number[]) => values.map((value) => value / Math.hypot(...values));

/** What the fake answers when asked for `input` directly, 100 texts a call. */
async function direct(
  env: Gateway,
  model: string,
  input: string[],
  dimensions?: number,
): Promise<{ vectors: number[][]; tokens: number }> {
  const vectors: number[][] = [];
  let tokens = 0;
  for (let start = 0; start < input.length; start += 100) {
    const body: BatchEmbedContentsRequest = {
      requests: input.slice(start, start + 100).map((text) => ({
        model: `models/${model}`,
        content: { parts: [{ text }] },
        outputDimensionality: dimensions,
      })),
    };
    const response = await fetch(`${env.fake.url}/v1beta/models/${model}:batchEmbedContents`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-goog-api-key": "test-key" },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 200);
    const answer: BatchEmbedContentsResponse = await response.json();
    vectors.push(...answer.embeddings.map(({ values }) => values));
    tokens += answer.usageMetadata?.promptTokenCount ?? 0;
  }
  return { vectors, tokens };
}

/** The bodies of the `batchEmbedContents` calls the fake received so far. */
function batchCalls(env: Gateway): BatchEmbedContentsRequest[] {
  return env.fake.requests
    .filter((request) => request.path.endsWith(":batchEmbedContents"))
    .map((request) => request.body as BatchEmbedContentsRequest);
}

function post(env: Gateway, body: unknown, path = "/v1/embeddings"): Promise<Response> {
  return env.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

Deno.test("openai SDK default: asks for base64 and decodes the fake's vectors", async () => {
  await using env = await startGateway();
  const sent: Record<string, unknown>[] = [];
  const openai = new OpenAI({
    apiKey: "test-key",
    baseURL: `${env.url}/v1`,
    maxRetries: 0,
    fetch: (url, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return fetch(url, init);
    },
  });
  const input = ["alpha", "beta", "gamma"];
  const result = await openai.embeddings.create({
    model: "gemini-embedding-001",
    input,
    dimensions: 64,
  });
  assert.equal(sent[0].encoding_format, "base64");
  assertSchema("CreateEmbeddingResponse", result);
  assert.equal(result.model, "gemini-embedding-001");
  assert.deepEqual(result.data.map(({ index }) => index), [0, 1, 2]);
  const [call] = batchCalls(env);
  assert.deepEqual(call.requests.map((request) => request.outputDimensionality), [64, 64, 64]);
  const { vectors } = await direct(env, "gemini-embedding-001", input, 64);
  assert.ok(Math.abs(Math.hypot(...vectors[0]) - 1) > 0.1, "Gemini's shortened vectors");
  assert.deepEqual(
    result.data.map(({ embedding }) => embedding),
    vectors.map((vector) => unit(vector).map(Math.fround)),
  );
});

Deno.test("openai SDK with encoding_format float gets the fake's vectors as they are", async () => {
  await using env = await startGateway();
  const result = await env.openai.embeddings.create({
    model: "models/gemini-embedding-001",
    input: "a single text",
    encoding_format: "float",
  });
  assertSchema("CreateEmbeddingResponse", result);
  assert.equal(result.model, "gemini-embedding-001");
  assert.equal(result.data[0].embedding.length, 3072);
  const { vectors } = await direct(env, "gemini-embedding-001", ["a single text"]);
  assert.deepEqual(result.data[0].embedding, vectors[0]);
});

Deno.test("base64 over the wire: strings of little-endian float32", async () => {
  await using env = await startGateway();
  const response = await post(
    env,
    { input: ["one", "two"], encoding_format: "base64" },
    "/embeddings",
  );
  assert.equal(response.status, 200);
  const body: CreateEmbeddingResponse = await response.json();
  assert.equal(body.model, env.config.defaultEmbeddingModel);
  const { vectors } = await direct(env, env.config.defaultEmbeddingModel, ["one", "two"]);
  body.data.forEach(({ embedding, index }) => {
    const bytes = Uint8Array.fromBase64(embedding as string);
    const view = new DataView(bytes.buffer);
    const decoded = Array.from(
      { length: bytes.length / 4 },
      (_, i) => view.getFloat32(i * 4, true),
    );
    assert.deepEqual(decoded, vectors[index].map(Math.fround));
  });
});

Deno.test("250 inputs: three batches, every vector in input order, usage summed", async () => {
  await using env = await startGateway();
  const input = texts(250);
  const response = await post(env, { model: "gemini-embedding-2", input, dimensions: 16 });
  assert.equal(response.status, 200);
  const body: CreateEmbeddingResponse = await response.json();
  assertSchema("CreateEmbeddingResponse", body);
  const calls = batchCalls(env);
  assert.equal(calls.length, 3);
  const slices = calls
    .map((call) => call.requests.map((request) => request.content.parts?.[0].text))
    .sort((a, b) => input.indexOf(a[0]!) - input.indexOf(b[0]!));
  assert.deepEqual(slices, [input.slice(0, 100), input.slice(100, 200), input.slice(200)]);
  for (const call of calls) {
    assert.ok(call.requests.every((request) => request.model === "models/gemini-embedding-2"));
  }
  const { vectors, tokens } = await direct(env, "gemini-embedding-2", input, 16);
  assert.equal(body.data.length, 250);
  body.data.forEach(({ index, embedding }, i) => {
    assert.equal(index, i);
    assert.deepEqual(embedding, unit(vectors[i]));
    assert.ok(Math.abs(Math.hypot(...(embedding as number[])) - 1) < 1e-9);
  });
  assert.ok(tokens > 0);
  assert.deepEqual(body.usage, { prompt_tokens: tokens, total_tokens: tokens });
});

Deno.test("an OpenAI embedding model name is answered by the default embedding model", async () => {
  await using env = await startGateway();
  const result = await env.openai.embeddings.create({
    model: "text-embedding-3-small",
    input: "retrieval text",
  });
  assert.equal(result.model, env.config.defaultEmbeddingModel);
  assert.match(env.fake.requests[0].path, /gemini-embedding-001:batchEmbedContents$/);
});

Deno.test("task_type and title reach Gemini", async () => {
  await using env = await startGateway();
  const query = await env.openai.embeddings.create({
    model: "gemini-embedding-001",
    input: "query",
    // The SDK sends extra_body keys at the top level.
    ...{ task_type: "retrieval_query" },
  });
  assert.equal(query.data.length, 1);
  const document = await post(env, { input: "doc", extra_body: { google: { title: "T" } } });
  assert.equal(document.status, 200);
  await document.body?.cancel();
  const [first, second] = batchCalls(env);
  assert.equal(first.requests[0].taskType, "RETRIEVAL_QUERY");
  assert.deepEqual(
    { taskType: second.requests[0].taskType, title: second.requests[0].title },
    { taskType: "RETRIEVAL_DOCUMENT", title: "T" },
  );
});

Deno.test("bad inputs are a 400 naming the param, without calling Gemini", async () => {
  await using env = await startGateway();
  const cases: [Record<string, unknown>, string][] = [
    [{}, "input"],
    [{ input: "" }, "input"],
    [{ input: [] }, "input"],
    [{ input: ["a", "b", "c", ""] }, "input[3]"],
    [{ input: [1, 2, 3] }, "input"],
    [{ input: [[1, 2, 3]] }, "input"],
    [{ input: 5 }, "input"],
    [{ input: ["a", false] }, "input[1]"],
    [{ input: "a", dimensions: 0 }, "dimensions"],
    [{ input: "a", dimensions: 2.5 }, "dimensions"],
    [{ input: "a", encoding_format: "int8" }, "encoding_format"],
    [{ input: "a", task_type: "nope" }, "task_type"],
    [{ input: "a", google: { task_type: "nope" } }, "google.task_type"],
    [{ input: "a", title: "T", task_type: "CLUSTERING" }, "title"],
    [{ input: "a", model: "" }, "model"],
  ];
  for (const [body, param] of cases) {
    const response = await post(env, body);
    assert.equal(response.status, 400, JSON.stringify(body));
    const error: ErrorResponse = await response.json();
    assertSchema("ErrorResponse", error);
    assert.equal(error.error.param, param, JSON.stringify(body));
    assert.equal(error.error.type, "invalid_request_error");
  }
  assert.equal(env.fake.requests.length, 0);
});

Deno.test("openai SDK sees the 400 for an empty input", async () => {
  await using env = await startGateway();
  await assert.rejects(
    env.openai.embeddings.create({ model: "gemini-embedding-001", input: "" }),
    (error) => {
      assert.ok(error instanceof OpenAI.BadRequestError);
      assert.equal(error.param, "input");
      return true;
    },
  );
});

Deno.test("a failing batch fails the request with its 429 and Retry-After", async () => {
  await using env = await startGateway();
  env.fake.reply({ error: 429 });
  const response = await post(env, { input: texts(250) });
  assert.equal(response.status, 429);
  assert.equal(response.headers.get("retry-after"), "26");
  const error: ErrorResponse = await response.json();
  assertSchema("ErrorResponse", error);
  assert.equal(error.error.code, "rate_limit_exceeded");
});

Deno.test("after a failing batch no further batch starts", async () => {
  await using env = await startGateway();
  env.fake.reply({ hang: true }, { hang: true }, { hang: true }, { error: 503 });
  const response = await post(env, { input: texts(500) });
  assert.equal(response.status, 503);
  await response.body?.cancel();
  assert.equal(batchCalls(env).length, 4);
});

Deno.test("an unknown model is a 404 model_not_found", async () => {
  await using env = await startGateway();
  const response = await post(env, { model: "no-such-embedder", input: "a" });
  assert.equal(response.status, 404);
  const error: ErrorResponse = await response.json();
  assert.equal(error.error.code, "model_not_found");
});

Deno.test("text-embedding-004, shut down, is answered by gemini-embedding-001, visibly", async () => {
  await using gw = await startGateway();
  const response = await gw.request("/v1/embeddings", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "text-embedding-004", input: "hello" }),
  });
  assert.equal(response.status, 200);
  const body: CreateEmbeddingResponse = await response.json();
  assertSchema("CreateEmbeddingResponse", body);
  assert.equal(body.model, "gemini-embedding-001");
  assert.equal(
    response.headers.get("x-gateway-model-substituted"),
    "text-embedding-004 -> gemini-embedding-001",
  );
  assert.equal(
    gw.fake.requests.at(-1)!.path,
    "/v1beta/models/gemini-embedding-001:batchEmbedContents",
  );
});
