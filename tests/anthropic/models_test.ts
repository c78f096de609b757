import assert from "node:assert/strict";
import { toModelInfo, toModelPage } from "../../src/anthropic/models.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

const models = ["a", "b", "c", "d", "e"].map((id) => ({
  name: `models/gemini-${id}`,
  displayName: `Gemini ${id.toUpperCase()}`,
  inputTokenLimit: 1000,
  outputTokenLimit: 100,
}));

Deno.test("a Gemini model as Anthropic's ModelInfo", () => {
  assert.deepEqual(toModelInfo(models[0]), {
    type: "model",
    id: "gemini-a",
    display_name: "Gemini A",
    created_at: "1970-01-01T00:00:00Z",
    max_input_tokens: 1000,
    max_tokens: 100,
  });
  assert.equal(toModelInfo({ name: "models/x" }).display_name, "x");
});

Deno.test("pages: limit, after_id, before_id, has_more, first and last ids", () => {
  const ids = (query: string) => toModelPage(models, new URLSearchParams(query));
  assert.deepEqual(ids("").data.length, 5);
  const first = ids("limit=2");
  assert.deepEqual(first.data.map((model) => model.id), ["gemini-a", "gemini-b"]);
  assert.deepEqual([first.first_id, first.last_id, first.has_more], ["gemini-a", "gemini-b", true]);
  const last = ids("limit=2&after_id=gemini-c");
  assert.deepEqual(last.data.map((model) => model.id), ["gemini-d", "gemini-e"]);
  assert.equal(last.has_more, false);
  const before = ids("limit=2&before_id=gemini-d");
  assert.deepEqual(before.data.map((model) => model.id), ["gemini-b", "gemini-c"]);
  assert.equal(before.has_more, true);
  const empty = toModelPage([], new URLSearchParams());
  assert.deepEqual(empty, { data: [], first_id: null, last_id: null, has_more: false });
});

Deno.test("a bad limit or an unknown id is a 400", () => {
  assertInvalid(() => toModelPage(models, new URLSearchParams("limit=0")), "limit");
  assertInvalid(() => toModelPage(models, new URLSearchParams("limit=x")), "limit");
  assertInvalid(() => toModelPage(models, new URLSearchParams("after_id=zzz")), "after_id");
});
