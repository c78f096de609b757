import assert from "node:assert/strict";
import type { GeminiErrorBody } from "../../src/gemini/types.ts";
import {
  MAX_BATCH_EMBED,
  validateBatchEmbedContents,
  validateCountTokens,
  validateEmbedContent,
  validateGenerateContent,
  type Validation,
} from "../../src/fake/validate.ts";
import { prettyJson } from "../../src/fake/wire.ts";
import { readFixture } from "../helpers/fixtures.ts";

const user = (text: string) => ({ role: "user", parts: [{ text }] });

function rejected<T>(result: Validation<T>): GeminiErrorBody["error"] {
  assert.ok("error" in result, "expected a rejection");
  return result.error.error;
}

function accepted<T>(result: Validation<T>): T {
  assert.ok("request" in result, `unexpected rejection: ${JSON.stringify(result)}`);
  return result.request;
}

Deno.test("a v1beta-only field on v1 gets the real unknown-name body (fixture 31)", async () => {
  const result = validateGenerateContent(
    { contents: [user("hi")], systemInstruction: { parts: [{ text: "be brief" }] } },
    "gemini-2.5-flash",
    "v1",
  );
  assert.ok("error" in result);
  assert.equal(
    prettyJson(result.error),
    await readFixture("31_error_400_unknown_field_v1_systemInstruction.json"),
  );
});

Deno.test("v1 rejects v1beta-only generationConfig fields at their proto path", () => {
  const error = rejected(validateGenerateContent(
    {
      contents: [user("hi")],
      generationConfig: { temperature: 0, responseMimeType: "text/plain" },
    },
    "gemini-2.5-flash",
    "v1",
  ));
  assert.equal(
    error.message,
    "Invalid JSON payload received. Unknown name \"responseMimeType\" at 'generation_config': Cannot find field.",
  );
});

Deno.test("unknown fields in responseSchema are reported with the real path and message", () => {
  const error = rejected(validateGenerateContent(
    {
      contents: [user("hi")],
      generationConfig: {
        responseMimeType: "application/json",
        responseSchema: {
          type: "object",
          properties: {
            name: { type: "string" },
            tags: { type: "array", items: { type: "string", additionalProperties: false } },
          },
          $schema: "http://json-schema.org/draft-07/schema#",
        },
      },
    },
    "gemini-2.5-flash",
    "v1beta",
  ));
  const first =
    "Invalid JSON payload received. Unknown name \"additionalProperties\" at 'generation_config.response_schema.properties[1].value.items': Cannot find field.";
  const second =
    "Invalid JSON payload received. Unknown name \"$schema\" at 'generation_config.response_schema': Cannot find field.";
  assert.equal(error.message, `${first}\n${second}`);
  assert.equal(error.status, "INVALID_ARGUMENT");
  assert.deepEqual(error.details, [{
    "@type": "type.googleapis.com/google.rpc.BadRequest",
    fieldViolations: [
      { field: "generation_config.response_schema.properties[1].value.items", description: first },
      { field: "generation_config.response_schema", description: second },
    ],
  }]);
});

Deno.test("function parameters are a proto Schema too; anyOf and one_of paths are snake_case", () => {
  const error = rejected(validateGenerateContent(
    {
      contents: [user("hi")],
      tools: [{}, {
        functionDeclarations: [{
          name: "f",
          parameters: {
            type: "OBJECT",
            properties: { a: { anyOf: [{ type: "STRING" }, { type: "NUMBER", const: 1 }] } },
          },
        }],
      }],
    },
    "gemini-2.5-flash",
    "v1beta",
  ));
  assert.equal(
    error.message,
    "Invalid JSON payload received. Unknown name \"const\" at 'tools[1].function_declarations[0].parameters.properties[0].value.any_of[1]': Cannot find field.",
  );
});

Deno.test("an unknown schema type is an invalid value", () => {
  const error = rejected(validateGenerateContent(
    {
      contents: [user("hi")],
      generationConfig: { responseSchema: { type: "OBJECT", properties: { a: { type: "text" } } } },
    },
    "gemini-2.5-flash",
    "v1beta",
  ));
  assert.equal(
    error.message,
    "Invalid value at 'generation_config.response_schema.properties[0].value.type' (type.googleapis.com/google.ai.generativelanguage.v1beta.Type), \"text\"",
  );
});

Deno.test("JSON Schema is free-form in responseJsonSchema and parametersJsonSchema", () => {
  const schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    properties: { a: { $ref: "#/$defs/A" } },
    $defs: { A: { type: "string", const: "x" } },
    additionalProperties: false,
  };
  const request = accepted(validateGenerateContent(
    {
      contents: [user("hi")],
      generationConfig: { responseMimeType: "application/json", responseJsonSchema: schema },
      tools: [{ functionDeclarations: [{ name: "f", parametersJsonSchema: schema }] }],
    },
    "gemini-2.5-flash",
    "v1beta",
  ));
  assert.deepEqual(request.generationConfig?.responseJsonSchema, schema);
});

Deno.test("a $ref beside keywords other than description and default is rejected", () => {
  const request = (schema: unknown) =>
    validateGenerateContent(
      {
        contents: [user("hi")],
        generationConfig: { responseMimeType: "application/json", responseJsonSchema: schema },
      },
      "gemini-2.5-flash",
      "v1beta",
    );
  const refused = rejected(request({
    type: "object",
    properties: { options: { type: "array", items: { $ref: "#/$defs/Option", type: "object" } } },
    $defs: { Option: { type: "string" } },
  }));
  assert.equal(refused.code, 400);
  assert.equal(refused.status, "INVALID_ARGUMENT");
  assert.equal(
    refused.message,
    "Schema.ref 'Option' was set alongside unsupported fields.  If a schema node has Schema.ref set, then only description and default can be set alongside it; other fields they would be replaced by the expanded reference.",
  );
  accepted(request({
    type: "object",
    properties: { a: { $ref: "#/$defs/A", description: "an a", default: "x" } },
    $defs: { A: { type: "string" } },
  }));
  const tool = rejected(validateGenerateContent(
    {
      contents: [user("hi")],
      tools: [{
        functionDeclarations: [{
          name: "f",
          parametersJsonSchema: { $ref: "#/definitions/P", title: "P" },
        }],
      }],
    },
    "gemini-2.5-flash",
    "v1beta",
  ));
  assert.match(tool.message, /^Schema\.ref 'P' was set alongside unsupported fields\./);
});

Deno.test("snake_case names are accepted and normalized to camelCase", () => {
  const request = accepted(validateGenerateContent(
    {
      contents: [
        user("Two names"),
        { role: "model", parts: [{ function_call: { name: "f", args: { some_arg: 1 } } }] },
        { role: "user", parts: { function_response: { name: "f", response: { out_put: "x" } } } },
      ],
      system_instruction: { parts: [{ text: "s" }] },
      generation_config: {
        max_output_tokens: 5,
        thinking_config: { include_thoughts: true },
        response_json_schema: { type: "object" },
      },
      tools: [{
        function_declarations: [{ name: "f", parameters_json_schema: { type: "object" } }],
      }],
      tool_config: { function_calling_config: { mode: "ANY", allowed_function_names: ["f"] } },
    },
    "gemini-2.5-flash",
    "v1beta",
  ));
  assert.deepEqual(request.contents[1].parts, [{
    functionCall: { name: "f", args: { some_arg: 1 } },
  }]);
  assert.deepEqual(request.contents[2].parts, [
    { functionResponse: { name: "f", response: { out_put: "x" } } },
  ]);
  assert.deepEqual(request.systemInstruction, { parts: [{ text: "s" }] });
  assert.deepEqual(request.generationConfig, {
    maxOutputTokens: 5,
    thinkingConfig: { includeThoughts: true },
    responseJsonSchema: { type: "object" },
  });
  assert.deepEqual(request.tools, [{
    functionDeclarations: [{ name: "f", parametersJsonSchema: { type: "object" } }],
  }]);
  assert.deepEqual(request.toolConfig, {
    functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["f"] },
  });
});

Deno.test("empty contents get the real message", () => {
  for (const body of [{}, { contents: [] }]) {
    const error = rejected(validateGenerateContent(body, "gemini-2.5-flash", "v1beta"));
    assert.deepEqual(error, {
      code: 400,
      message: "* GenerateContentRequest.contents: contents is not specified\n",
      status: "INVALID_ARGUMENT",
    });
  }
});

Deno.test("empty parts and parts without data are rejected line by line", () => {
  const error = rejected(validateGenerateContent(
    { contents: [{ role: "user", parts: [] }, { role: "user", parts: [{ thought: true }] }] },
    "gemini-2.5-flash",
    "v1beta",
  ));
  assert.equal(
    error.message,
    "* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.\n" +
      "* GenerateContentRequest.contents[1].parts[0].data: required oneof field 'data' must have one initialized field\n",
  );
});

Deno.test("roles other than user and model are rejected", () => {
  const error = rejected(validateGenerateContent(
    { contents: [{ role: "system", parts: [{ text: "x" }] }, user("hi")] },
    "gemini-2.5-flash",
    "v1beta",
  ));
  assert.equal(error.message, "Please use a valid role: user, model.");
  accepted(
    validateGenerateContent(
      { contents: [{ parts: [{ text: "x" }] }] },
      "gemini-2.5-flash",
      "v1beta",
    ),
  );
});

Deno.test("mutually exclusive fields are rejected", () => {
  const schemas = rejected(validateGenerateContent(
    {
      contents: [user("hi")],
      generationConfig: {
        responseSchema: { type: "STRING" },
        responseJsonSchema: { type: "string" },
      },
    },
    "gemini-2.5-flash",
    "v1beta",
  ));
  assert.equal(
    schemas.message,
    "response_schema must not be set when response_json_schema is set.",
  );
  const parameters = rejected(validateGenerateContent(
    {
      contents: [user("hi")],
      tools: [{
        functionDeclarations: [{
          name: "f",
          parameters: { type: "OBJECT" },
          parametersJsonSchema: { type: "object" },
        }],
      }],
    },
    "gemini-2.5-flash",
    "v1beta",
  ));
  assert.equal(
    parameters.message,
    "parameters must not be set when parameters_json_schema is set.",
  );
  const thinking = rejected(validateGenerateContent(
    {
      contents: [user("hi")],
      generationConfig: { thinkingConfig: { thinkingBudget: 0, thinkingLevel: "low" } },
    },
    "gemini-3-pro-preview",
    "v1beta",
  ));
  assert.match(thinking.message, /thinking_budget and thinking_level must not both be set/);
});

const call = (signature?: string) => ({
  role: "model",
  parts: [{
    functionCall: { name: "get_country", args: {} },
    ...(signature ? { thoughtSignature: signature } : {}),
  }],
});
const answer = {
  role: "user",
  parts: [{ functionResponse: { name: "get_country", response: {} } }],
};

Deno.test("Gemini 3 requires the thought signature on the current turn's function calls", async () => {
  const body = { contents: [user("a"), user("Call the tool"), call(), answer] };
  const result = validateGenerateContent(body, "gemini-3-pro-preview", "v1beta");
  assert.ok("error" in result);
  const expected = JSON.parse(
    await readFixture("32_error_400_missing_thought_signature_gemini3.json"),
  );
  expected.error.message = expected.error.message
    .replace("default_api:codebase_search", "default_api:get_country");
  assert.deepEqual(result.error, expected);
  accepted(validateGenerateContent(body, "gemini-2.5-flash", "v1beta"));
});

Deno.test("Gemini 3 accepts any signature, the skip value, and unsigned calls of past turns", () => {
  for (const signature of ["skip_thought_signature_validator", "bm90LWlzc3VlZA=="]) {
    accepted(validateGenerateContent(
      { contents: [user("Call the tool"), call(signature), answer] },
      "gemini-3-flash-preview",
      "v1beta",
    ));
  }
  accepted(validateGenerateContent(
    {
      contents: [
        user("Call the tool"),
        call(),
        answer,
        { role: "model", parts: [{ text: "ok" }] },
        user("next"),
      ],
    },
    "gemini-3-flash-preview",
    "v1beta",
  ));
});

Deno.test("a function response must answer an earlier call", () => {
  const error = rejected(validateGenerateContent(
    { contents: [user("hi"), answer] },
    "gemini-2.5-flash",
    "v1beta",
  ));
  assert.deepEqual(error, {
    code: 400,
    message: "Request contains an invalid argument.",
    status: "INVALID_ARGUMENT",
  });
});

Deno.test("a root that is not an object is rejected", () => {
  const error = rejected(validateGenerateContent([], "gemini-2.5-flash", "v1beta"));
  assert.match(error.message, /Root element must be a message/);
});

Deno.test("countTokens takes contents or a whole generateContentRequest", () => {
  accepted(validateCountTokens({ contents: [user("hi")] }, "gemini-2.5-flash", "v1beta"));
  accepted(validateCountTokens(
    { generateContentRequest: { model: "models/gemini-2.5-flash", contents: [user("hi")] } },
    "gemini-2.5-flash",
    "v1beta",
  ));
  assert.equal(
    rejected(validateCountTokens({}, "gemini-2.5-flash", "v1beta")).message,
    "* CountTokensRequest.contents: contents is not specified\n",
  );
  assert.match(
    rejected(
      validateCountTokens({ contents: [user("hi")], extra: 1 }, "gemini-2.5-flash", "v1beta"),
    )
      .message,
    /Unknown name "extra"/,
  );
});

const embed = (text: string, model = "models/gemini-embedding-001") => ({
  model,
  content: { parts: [{ text }] },
});

Deno.test("batchEmbedContents checks size, model names and empty texts", () => {
  const request = accepted(validateBatchEmbedContents(
    { requests: [{ ...embed("a"), task_type: "RETRIEVAL_QUERY", output_dimensionality: 8 }] },
    "gemini-embedding-001",
  ));
  assert.deepEqual(request.requests[0], {
    ...embed("a"),
    taskType: "RETRIEVAL_QUERY",
    outputDimensionality: 8,
  });
  const tooMany = Array.from({ length: MAX_BATCH_EMBED + 1 }, () => embed("a"));
  assert.equal(
    rejected(validateBatchEmbedContents({ requests: tooMany }, "gemini-embedding-001")).message,
    "* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch\n",
  );
  assert.equal(
    rejected(validateBatchEmbedContents(
      { requests: [embed("a"), embed("b", "gemini-embedding-001"), embed("c", "models/other")] },
      "gemini-embedding-001",
    )).message,
    "* BatchEmbedContentsRequest.requests[1].model: unexpected model name format\n" +
      "* BatchEmbedContentsRequest.requests[2].model: unexpected model name format\n",
  );
  assert.equal(
    rejected(validateBatchEmbedContents({ requests: [embed("")] }, "gemini-embedding-001")).message,
    "EmbedContentRequest.content contains an empty Part.",
  );
});

Deno.test("embedContent rejects unknown fields and empty content", () => {
  accepted(validateEmbedContent(embed("a")));
  assert.match(rejected(validateEmbedContent({ ...embed("a"), dims: 3 })).message, /"dims"/);
  assert.equal(
    rejected(validateEmbedContent({ content: { parts: [] } })).message,
    "EmbedContentRequest.content contains an empty Part.",
  );
});

Deno.test("bytes fields must be base64 (standard or URL-safe)", () => {
  const image = (data: string) => ({
    contents: [{
      role: "user",
      parts: [{ text: "see" }, { inlineData: { mimeType: "image/png", data } }],
    }],
  });
  accepted(validateGenerateContent(image("iVBORw0KGgo="), "gemini-2.5-flash", "v1beta"));
  accepted(validateGenerateContent(image("a-_b"), "gemini-2.5-flash", "v1beta"));
  const error = rejected(validateGenerateContent(
    image("data:image/png;base64,iVBORw0KGgo="),
    "gemini-2.5-flash",
    "v1beta",
  ));
  assert.equal(
    error.message,
    "Invalid value at 'contents[0].parts[1].inline_data.data' (TYPE_BYTES), Base64 decoding failed for \"data:image/png;base64,iVBORw0KGgo=\"",
  );
  assert.deepEqual(error.details, [{
    "@type": "type.googleapis.com/google.rpc.BadRequest",
    fieldViolations: [{
      field: "contents[0].parts[1].inline_data.data",
      description: error.message,
    }],
  }]);
});

const ACCEPTED_REQUESTS: [string, string][] = [
  ["01_sse_raw_text_3chunks_gemini-2.0-flash-exp.request.json", "gemini-2.0-flash-exp"],
  ["02a_sse_raw_functionCall_thoughtSignature_gemini-3-pro.request.json", "gemini-3-pro-preview"],
  ["02b_sse_raw_after_functionResponse_gemini-3-pro.request.json", "gemini-3-pro-preview"],
  ["03_sse_raw_thinking_includeThoughts_gemini-2.5-pro.request.json", "gemini-2.5-pro"],
  ["04_sse_raw_text_serviceTier_gemini-2.5-flash_2026.request.json", "gemini-2.5-flash"],
  ["05_sse_raw_googleSearch_groundingMetadata_gemini-2.5-pro.request.json", "gemini-2.5-pro"],
  [
    "06_stream_jsonarray_thoughts_thoughtSignature_gemini-flash-latest.request.json",
    "gemini-flash-latest",
  ],
  ["07_stream_jsonarray_functionCall_gemini-2.5-flash.0.request.json", "gemini-2.5-flash"],
  ["07_stream_jsonarray_functionCall_gemini-2.5-flash.1.request.json", "gemini-2.5-flash"],
  ["07_stream_jsonarray_functionCall_gemini-2.5-flash.2.request.json", "gemini-2.5-flash"],
  ["08_stream_jsonarray_gemini3_functionCall_signature.0.request.json", "gemini-3-flash-preview"],
  ["08_stream_jsonarray_gemini3_functionCall_signature.1.request.json", "gemini-3-flash-preview"],
  ["38_generateContent_raw_urlContext_gemini-2.5-flash.request.json", "gemini-2.5-flash"],
];

Deno.test("requests the real API accepted pass validation", async () => {
  for (const [name, model] of ACCEPTED_REQUESTS) {
    const result = validateGenerateContent(JSON.parse(await readFixture(name)), model, "v1beta");
    assert.ok("request" in result, `${name}: ${JSON.stringify(result)}`);
  }
  for (
    const [name, model] of [
      ["10_batchEmbedContents_gemini-embedding-2.request.json", "gemini-embedding-2"],
      ["11_batchEmbedContents_gemini-embedding-001.request.json", "gemini-embedding-001"],
    ]
  ) {
    accepted(validateBatchEmbedContents(JSON.parse(await readFixture(name)), model));
  }
});
