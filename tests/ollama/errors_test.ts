import assert from "node:assert/strict";
import { GatewayError, invalidRequest } from "../../src/core/errors.ts";
import {
  asModelFailure,
  asModelNotFound,
  modelNotFound,
  ollamaErrorBody,
  ollamaErrorResponse,
  unsupported,
} from "../../src/ollama/errors.ts";

Deno.test("ollamaErrorResponse answers with the status, headers and {error}", async () => {
  const error = new GatewayError(429, "Slow down.", "rate_limit_error", null, null, {
    "retry-after": "26",
  });
  const response = ollamaErrorResponse(error);
  assert.equal(response.status, 429);
  assert.equal(response.headers.get("retry-after"), "26");
  assert.deepEqual(await response.json(), { error: "Slow down." });
  assert.deepEqual(ollamaErrorBody(invalidRequest("Bad.")), { error: "Bad." });
});

Deno.test("ollamaErrorResponse answers anything else with a 500 that explains nothing", async () => {
  const original = console.error;
  console.error = () => {};
  try {
    const response = ollamaErrorResponse(new TypeError("secret details"));
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), { error: "The gateway failed unexpectedly." });
  } finally {
    console.error = original;
  }
});

Deno.test("asModelNotFound words Gemini's missing model as Ollama does", () => {
  const gemini = new GatewayError(404, "models/x is not found", "x", null, "model_not_found");
  const mapped = asModelNotFound(gemini, "x:latest") as GatewayError;
  assert.equal(mapped.status, 404);
  assert.equal(mapped.message, "model 'x:latest' not found");
  const other = invalidRequest("Bad.");
  assert.equal(asModelNotFound(other, "x"), other);
  assert.match(modelNotFound("y".repeat(500)).message, /^model 'y{100}…' not found$/);
});

Deno.test("asModelFailure tells a model that lacks the method from one that is missing", async () => {
  const gemini = new GatewayError(404, "models/x is not found", "x", null, "model_not_found");
  const lacks = await asModelFailure(
    gemini,
    "x",
    "chat",
    () => Promise.resolve({}),
  ) as GatewayError;
  assert.equal(lacks.status, 400);
  assert.equal(lacks.message, '"x" does not support chat');
  const missing = await asModelFailure(gemini, "x", "chat", () => Promise.reject(gemini));
  assert.equal((missing as GatewayError).message, "model 'x' not found");
  const other = invalidRequest("Bad.");
  let looked = false;
  const lookup = () => {
    looked = true;
    return Promise.resolve();
  };
  assert.equal(await asModelFailure(other, "x", "chat", lookup), other);
  assert.equal(looked, false);
  assert.equal(unsupported("e", "embeddings").message, '"e" does not support embeddings');
  assert.equal(unsupported("e", "generate").status, 400);
});
