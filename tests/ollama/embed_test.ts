import assert from "node:assert/strict";
import { ModelAliases } from "../../src/core/model_name.ts";
import { MAX_INPUTS, toEmbeddings, toEmbedPlan } from "../../src/ollama/embed.ts";

const aliases = new ModelAliases([], true, () => {});
const plan = (body: unknown, legacy = false) =>
  toEmbedPlan(body, "gemini-embedding-001", aliases, legacy);

Deno.test("inputs are embedded in batches of 100 with the dimensions asked", () => {
  const embed = plan({ model: "gemini-embedding-001:latest", input: ["a", "b"], dimensions: 4 });
  assert.equal(embed.name, "gemini-embedding-001:latest");
  assert.deepEqual(embed.batches, [{
    requests: ["a", "b"].map((text) => ({
      model: "models/gemini-embedding-001",
      content: { parts: [{ text }] },
      outputDimensionality: 4,
    })),
  }]);
  const many = plan({ input: Array.from({ length: 250 }, (_, index) => `t${index}`) });
  assert.deepEqual(many.batches.map((batch) => batch.requests.length), [100, 100, 50]);
  assert.deepEqual(plan({ input: [] }).batches, []);
  assert.deepEqual(plan({ prompt: "" }, true).batches, []);
  assert.equal(plan({ prompt: "p" }, true).batches[0].requests.length, 1);
});

Deno.test("the answer is in input order, of unit length for /api/embed", () => {
  const embed = plan({ input: ["a", "b"] });
  const { embeddings, tokens } = toEmbeddings(embed, [{
    embeddings: [{ values: [3, 4] }, { values: [0, 1] }],
  }], true);
  assert.deepEqual(embeddings, [[0.6, 0.8], [0, 1]]);
  assert.equal(tokens, 2);
  assert.deepEqual(
    toEmbeddings(embed, [{ embeddings: [{ values: [3, 4] }, { values: [0, 2] }] }], false)
      .embeddings,
    [[3, 4], [0, 2]],
  );
  assert.throws(() => toEmbeddings(embed, [{ embeddings: [] }], true), /2 inputs/);
});

Deno.test("bad inputs are 400s naming them", () => {
  assert.throws(() => plan([]), /JSON object/);
  assert.throws(() => plan({}), /'input'/);
  assert.throws(() => plan({ input: "" }), /empty string/);
  assert.throws(() => plan({ input: ["a", 1] }), /input\[1\]/);
  assert.throws(() => plan({ input: { a: 1 } }), /'input'/);
  assert.throws(() => plan({ input: "a", dimensions: 0 }), /'dimensions'/);
  assert.throws(() => plan({ input: "a", truncate: "yes" }), /'truncate'/);
  assert.throws(
    () => plan({ input: Array.from({ length: MAX_INPUTS + 1 }, () => "a") }),
    /at most/,
  );
});
