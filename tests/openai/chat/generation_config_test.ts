import assert from "node:assert/strict";
import {
  toGenerationConfig,
  toResponseModalities,
} from "../../../src/openai/chat/generation_config.ts";
import { assertInvalid } from "../../helpers/assert_invalid.ts";

const MODEL = "gemini-2.5-flash";

function convert(body: Record<string, unknown>, model = MODEL) {
  return toGenerationConfig(body, model);
}

Deno.test("no parameters make an empty config", () => {
  assert.deepEqual(convert({ messages: [] }), {});
});

Deno.test("sampling parameters are renamed", () => {
  assert.deepEqual(
    convert({
      temperature: 0.7,
      top_p: 0.9,
      top_k: 40,
      max_tokens: 100,
      n: 2,
      seed: 42,
    }),
    {
      temperature: 0.7,
      topP: 0.9,
      topK: 40,
      maxOutputTokens: 100,
      candidateCount: 2,
      seed: 42,
    },
  );
});

Deno.test("penalties reach legacy models only: Gemini 2.5 and later refuse them", () => {
  const body = { presence_penalty: 0.5, frequency_penalty: -0.5 };
  assert.deepEqual(convert(body, "gemini-2.0-flash"), {
    presencePenalty: 0.5,
    frequencyPenalty: -0.5,
  });
  for (const model of ["gemini-2.5-flash", "gemini-3-pro-preview", "gemini-flash-latest"]) {
    assert.deepEqual(convert(body, model), {}, model);
    assert.deepEqual(convert({ presence_penalty: 0, frequency_penalty: 0 }, model), {}, model);
  }
  assertInvalid(() => convert({ presence_penalty: 3 }), "presence_penalty");
});

Deno.test("top_k 0 means no top-k", () => {
  assert.deepEqual(convert({ top_k: 0, temperature: 1 }), { temperature: 1 });
});

Deno.test("null parameters are absent", () => {
  assert.deepEqual(
    convert({ temperature: null, stop: null, response_format: null, seed: null }),
    {},
  );
});

Deno.test("max_completion_tokens wins over max_tokens", () => {
  assert.deepEqual(convert({ max_completion_tokens: 50, max_tokens: 10 }), { maxOutputTokens: 50 });
  assert.deepEqual(convert({ max_completion_tokens: 50 }), { maxOutputTokens: 50 });
});

Deno.test("stop becomes stopSequences", () => {
  assert.deepEqual(convert({ stop: "END" }), { stopSequences: ["END"] });
  assert.deepEqual(convert({ stop: ["a", "b"] }), { stopSequences: ["a", "b"] });
  assert.deepEqual(convert({ stop: [] }), {});
  assert.deepEqual(convert({ stop: "" }), {});
});

Deno.test("more than five stop sequences, or bad ones, are 400s naming stop", () => {
  assertInvalid(() => convert({ stop: ["1", "2", "3", "4", "5", "6"] }), "stop", /at most 5/);
  assertInvalid(() => convert({ stop: 5 }), "stop");
  assertInvalid(() => convert({ stop: ["a", 1] }), "stop[1]");
});

Deno.test("out-of-range parameters are 400s naming them", () => {
  assertInvalid(() => convert({ temperature: 2.5 }), "temperature", /<= 2/);
  assertInvalid(() => convert({ temperature: -0.1 }), "temperature", />= 0/);
  assertInvalid(() => convert({ top_p: 1.5 }), "top_p");
  assertInvalid(() => convert({ top_k: -1 }), "top_k");
  assertInvalid(() => convert({ n: 0 }), "n");
  assertInvalid(() => convert({ max_tokens: 0 }), "max_tokens");
  assertInvalid(() => convert({ max_completion_tokens: -1 }), "max_completion_tokens");
  assertInvalid(() => convert({ presence_penalty: 3 }), "presence_penalty");
  assertInvalid(() => convert({ frequency_penalty: -2.5 }), "frequency_penalty");
  assertInvalid(() => convert({ seed: 2 ** 40 }), "seed", /<= 2147483647/);
  assertInvalid(() => convert({ top_logprobs: 21, logprobs: true }), "top_logprobs");
});

Deno.test("parameters of the wrong type are 400s naming them", () => {
  assertInvalid(() => convert({ temperature: "hot" }), "temperature", /number/);
  assertInvalid(() => convert({ n: 1.5 }), "n", /integer/);
  assertInvalid(() => convert({ max_tokens: "10" }), "max_tokens");
  assertInvalid(() => convert({ logprobs: "yes" }), "logprobs");
  assertInvalid(() => convert({ seed: 1.5 }), "seed");
});

Deno.test("logprobs and top_logprobs", () => {
  assert.deepEqual(convert({ logprobs: true }), { responseLogprobs: true });
  assert.deepEqual(convert({ logprobs: true, top_logprobs: 3 }), {
    responseLogprobs: true,
    logprobs: 3,
  });
  assert.deepEqual(convert({ logprobs: true, top_logprobs: 0 }), { responseLogprobs: true });
  assert.deepEqual(convert({ logprobs: false }), {});
  assertInvalid(() => convert({ top_logprobs: 2 }), "top_logprobs", /requires logprobs/);
});

Deno.test("response_format text and json_object", () => {
  assert.deepEqual(convert({ response_format: { type: "text" } }), {});
  assert.deepEqual(convert({ response_format: { type: "json_object" } }), {
    responseMimeType: "application/json",
  });
});

Deno.test("response_format json_schema sends the schema as responseJsonSchema", () => {
  const schema = {
    type: "object",
    properties: { name: { type: "string" } },
    required: ["name"],
    additionalProperties: false,
  };
  assert.deepEqual(
    convert({
      response_format: {
        type: "json_schema",
        json_schema: { name: "person", strict: true, schema },
      },
    }),
    { responseMimeType: "application/json", responseJsonSchema: schema },
  );
});

Deno.test("responseJsonSchema has its references inlined and $defs dropped", () => {
  const schema = {
    type: "object",
    properties: { home: { $ref: "#/$defs/Address", description: "Home" } },
    $defs: { Address: { type: "object", properties: { city: { type: "string" } } } },
  };
  assert.deepEqual(
    convert({ response_format: { type: "json_schema", json_schema: { name: "p", schema } } }),
    {
      responseMimeType: "application/json",
      responseJsonSchema: {
        type: "object",
        properties: {
          home: { type: "object", properties: { city: { type: "string" } }, description: "Home" },
        },
      },
    },
  );
});

Deno.test("older models get the schema converted to responseSchema", () => {
  const schema = {
    type: "object",
    properties: { name: { type: "string" } },
    additionalProperties: false,
  };
  assert.deepEqual(
    convert(
      { response_format: { type: "json_schema", json_schema: { name: "p", schema } } },
      "gemini-2.0-flash",
    ),
    {
      responseMimeType: "application/json",
      responseSchema: { type: "OBJECT", properties: { name: { type: "STRING" } } },
    },
  );
});

Deno.test("a json_schema without a schema asks for JSON only", () => {
  assert.deepEqual(
    convert({ response_format: { type: "json_schema", json_schema: { name: "x" } } }),
    {
      responseMimeType: "application/json",
    },
  );
});

Deno.test("malformed response_format is a 400 naming the field", () => {
  assertInvalid(() => convert({ response_format: "json" }), "response_format");
  assertInvalid(() => convert({ response_format: {} }), "response_format.type", /Missing/);
  assertInvalid(() => convert({ response_format: { type: "xml" } }), "response_format.type");
  assertInvalid(
    () => convert({ response_format: { type: "json_schema" } }),
    "response_format.json_schema",
  );
  assertInvalid(
    () => convert({ response_format: { type: "json_schema", json_schema: { schema: [] } } }),
    "response_format.json_schema.schema",
  );
  assertInvalid(
    () =>
      convert(
        {
          response_format: {
            type: "json_schema",
            json_schema: {
              schema: { $ref: "#/$defs/A", $defs: { A: { items: { $ref: "#/$defs/A" } } } },
            },
          },
        },
        "gemini-2.0-flash",
      ),
    "response_format.json_schema.schema",
    /recursive/,
  );
});

Deno.test("toResponseModalities upper-cases a list of modalities", () => {
  assert.deepEqual(toResponseModalities(["text", "Image"], "google.response_modalities"), [
    "TEXT",
    "IMAGE",
  ]);
  assertInvalid(
    () => toResponseModalities("TEXT", "google.response_modalities"),
    "google.response_modalities",
  );
  assertInvalid(
    () => toResponseModalities(["TEXT", 1], "google.response_modalities"),
    "google.response_modalities[1]",
  );
});
