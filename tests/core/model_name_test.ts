import assert from "node:assert/strict";
import {
  OPENAI_CHAT_MODELS,
  OPENAI_EMBEDDING_MODELS,
  readModelName,
} from "../../src/core/model_name.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

const chat = (value: unknown) => readModelName(value, "gemini-2.5-flash", OPENAI_CHAT_MODELS);

Deno.test("Gemini model ids are read with or without models/", () => {
  assert.equal(chat("gemini-2.5-pro"), "gemini-2.5-pro");
  assert.equal(chat("models/gemini-3-pro-preview"), "gemini-3-pro-preview");
  assert.equal(chat(" gemini-2.5-flash-lite "), "gemini-2.5-flash-lite");
});

Deno.test("provider prefixes of router configurations are stripped", () => {
  assert.equal(chat("google/gemini-2.5-flash"), "gemini-2.5-flash");
  assert.equal(chat("gemini/gemini-3-pro-preview"), "gemini-3-pro-preview");
  assert.equal(chat("gemini/models/gemini-2.5-pro"), "gemini-2.5-pro");
  assert.equal(chat("openai/gpt-4o-mini"), "gemini-2.5-flash");
  assertInvalid(() => chat("anthropic/claude"), "model");
});

Deno.test("no model, or an OpenAI one, is the default", () => {
  for (
    const name of [undefined, null, "gpt-4o-mini", "gpt-4.1", "chatgpt-4o-latest", "o1", "o3-mini"]
  ) {
    assert.equal(chat(name), "gemini-2.5-flash", String(name));
  }
  assert.equal(chat("o1x"), "o1x");
  for (const name of ["text-embedding-3-small", "text-embedding-ada-002"]) {
    assert.equal(
      readModelName(name, "gemini-embedding-001", OPENAI_EMBEDDING_MODELS),
      "gemini-embedding-001",
    );
  }
});

Deno.test("anything that is not a model id is a 400 naming model", () => {
  assertInvalid(() => chat(42), "model");
  assertInvalid(() => chat(""), "model");
  assertInvalid(() => chat("../files/x"), "model");
  assertInvalid(() => chat("gemini 2.5"), "model");
});
