import assert from "node:assert/strict";
import { type ChatRequestOptions, toChatRequest } from "../../../src/openai/chat/request.ts";
import { encodeToolCallId, SKIP_THOUGHT_SIGNATURE } from "../../../src/core/tool_call_id.ts";
import { HARM_CATEGORIES } from "../../../src/core/safety.ts";
import { GatewayError, invalidRequest } from "../../../src/core/errors.ts";
import type { Content, GenerateContentRequest } from "../../../src/gemini/types.ts";
import { validateGenerateContent } from "../../../src/fake/validate.ts";
import { ModelAliases } from "../../../src/core/model_name.ts";
import { readFixture } from "../../helpers/fixtures.ts";
import { assertRejectsInvalid } from "../../helpers/assert_invalid.ts";

const OPTIONS: ChatRequestOptions = {
  defaultModel: "gemini-3.8-flash",
  modelAliases: new ModelAliases(),
  safetyThreshold: "BLOCK_NONE",
  includeThoughts: true,
  fetchFile: () => Promise.reject(new Error("no fetch expected")),
  media: { maxMediaBytes: 1024 * 1024, maxMediaParts: 10 },
};

const HI = [{ role: "user", content: "Hi" }];

/** For tests about models Google has since shut down: names are sent as written. */
const AS_NAMED: Partial<ChatRequestOptions> = { modelAliases: new ModelAliases([], false) };

function translate(body: unknown, options: Partial<ChatRequestOptions> = {}) {
  return toChatRequest(body, { ...OPTIONS, ...options });
}

/** Asserts that the fake Gemini's proto validation accepts `request` for `model`. */
function assertAccepted(request: GenerateContentRequest, model: string) {
  const result = validateGenerateContent(request, model, "v1beta");
  assert.ok("request" in result, JSON.stringify(result));
}

Deno.test("a minimal request gets the default model, safety settings and thinking", async () => {
  const chat = await translate({ messages: HI });
  assert.deepEqual(chat, {
    model: "gemini-3.8-flash",
    stream: false,
    includeUsage: false,
    parallelToolCalls: true,
    request: {
      contents: [{ role: "user", parts: [{ text: "Hi" }] }],
      safetySettings: HARM_CATEGORIES.map((category) => ({ category, threshold: "BLOCK_NONE" })),
      generationConfig: { thinkingConfig: { includeThoughts: true } },
    },
  });
  assertAccepted(chat.request, chat.model);
});

Deno.test("the model is read with or without models/", async () => {
  assert.equal(
    (await translate({ model: "models/gemini-4-argon", messages: HI })).model,
    "gemini-4-argon",
  );
  assert.deepEqual(
    (await translate({ model: "gemini-2.0-flash", messages: HI })).requested,
    "gemini-2.0-flash",
  );
  assert.equal((await translate({ model: null, messages: HI })).model, "gemini-3.8-flash");
});

Deno.test("a model that is not a string or not a model name is a 400 naming model", async () => {
  await assertRejectsInvalid(() => translate({ model: 5, messages: HI }), "model", /string/);
  await assertRejectsInvalid(() => translate({ model: "../files", messages: HI }), "model");
  await assertRejectsInvalid(
    () => translate({ model: "gemini-2.5-flash:streamGenerateContent?alt=x", messages: HI }),
    "model",
  );
});

Deno.test("stream and stream_options.include_usage", async () => {
  const streamed = await translate({
    messages: HI,
    stream: true,
    stream_options: { include_usage: true },
  });
  assert.equal(streamed.stream, true);
  assert.equal(streamed.includeUsage, true);
  const plain = await translate({
    messages: HI,
    stream: false,
    stream_options: { include_usage: true },
  });
  assert.equal(plain.includeUsage, false);
  await assertRejectsInvalid(() => translate({ messages: HI, stream: "yes" }), "stream");
  await assertRejectsInvalid(
    () => translate({ messages: HI, stream: true, stream_options: { include_usage: 1 } }),
    "stream_options.include_usage",
  );
});

Deno.test("parallel_tool_calls is read, true by default", async () => {
  assert.equal((await translate({ messages: HI })).parallelToolCalls, true);
  const single = await translate({ messages: HI, parallel_tool_calls: false });
  assert.equal(single.parallelToolCalls, false);
  await assertRejectsInvalid(
    () => translate({ messages: HI, parallel_tool_calls: "no" }),
    "parallel_tool_calls",
  );
});

Deno.test("a body that is not an object is a 400", async () => {
  await assertRejectsInvalid(() => translate([]), null, /JSON object/);
  await assertRejectsInvalid(() => translate({}), "messages", /Missing/);
});

Deno.test("unknown OpenAI fields are ignored and null fields are absent", async () => {
  const plain = await translate({ messages: HI });
  const extra = await translate({
    messages: HI,
    user: "u1",
    metadata: { a: "b" },
    store: true,
    service_tier: "auto",
    prediction: { type: "content", content: "x" },
    modalities: ["text"],
    audio: { voice: "alloy", format: "mp3" },
    logit_bias: { "50256": -100 },
    temperature: null,
    tools: null,
    tool_choice: null,
    reasoning_effort: null,
    stream: null,
    stream_options: null,
    google: null,
    extra_body: null,
    response_format: null,
  });
  assert.deepEqual(extra, plain);
});

Deno.test("all parts of the request are assembled", async () => {
  const chat = await translate({
    model: "gemini-2.5-flash-lite",
    messages: [{ role: "system", content: "Be brief." }, ...HI],
    temperature: 0.2,
    max_tokens: 64,
    reasoning_effort: "low",
    tools: [{ type: "function", function: { name: "f", parameters: { type: "object" } } }],
    tool_choice: "required",
    response_format: { type: "json_object" },
  });
  assert.deepEqual(chat.request, {
    contents: [{ role: "user", parts: [{ text: "Hi" }] }],
    systemInstruction: { parts: [{ text: "Be brief." }] },
    tools: [{ functionDeclarations: [{ name: "f", parametersJsonSchema: { type: "object" } }] }],
    toolConfig: { functionCallingConfig: { mode: "ANY" } },
    safetySettings: HARM_CATEGORIES.map((category) => ({ category, threshold: "BLOCK_NONE" })),
    generationConfig: {
      temperature: 0.2,
      maxOutputTokens: 64,
      responseMimeType: "application/json",
      thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
    },
  });
  assertAccepted(chat.request, chat.model);
});

Deno.test("the configured threshold and includeThoughts are used", async () => {
  const chat = await translate({ messages: HI }, {
    safetyThreshold: "BLOCK_ONLY_HIGH",
    includeThoughts: false,
  });
  assert.ok(chat.request.safetySettings?.every((s) => s.threshold === "BLOCK_ONLY_HIGH"));
  assert.deepEqual(chat.request.generationConfig, { thinkingConfig: { includeThoughts: false } });
});

Deno.test("Gemini options are read from a top-level google object", async () => {
  const chat = await translate({
    messages: HI,
    google: {
      safety_settings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_LOW_AND_ABOVE" }],
      cached_content: "abc123",
      thinking_config: { thinking_budget: 0 },
      url_context: true,
      code_execution: {},
      response_modalities: ["text"],
    },
  });
  assert.deepEqual(chat.request.safetySettings?.[0], {
    category: "HARM_CATEGORY_HARASSMENT",
    threshold: "BLOCK_LOW_AND_ABOVE",
  });
  assert.equal(chat.request.cachedContent, "cachedContents/abc123");
  assert.deepEqual(chat.request.tools, [{ urlContext: {} }, { codeExecution: {} }]);
  assert.deepEqual(chat.request.generationConfig, {
    thinkingConfig: { thinkingBudget: 0 },
    responseModalities: ["TEXT"],
  });
  assertAccepted(chat.request, chat.model);
});

Deno.test("Gemini options are read from extra_body.google, in camelCase too", async () => {
  const chat = await translate({
    messages: HI,
    extra_body: {
      google: {
        cachedContent: "cachedContents/xyz",
        thinkingConfig: { thinkingBudget: 2048, includeThoughts: false },
        codeExecution: true,
      },
    },
  });
  assert.equal(chat.request.cachedContent, "cachedContents/xyz");
  assert.deepEqual(chat.request.tools, [{ codeExecution: {} }]);
  assert.deepEqual(chat.request.generationConfig?.thinkingConfig, {
    thinkingBudget: 2048,
    includeThoughts: false,
  });
});

Deno.test("the top-level google object wins over extra_body.google", async () => {
  const chat = await translate({
    messages: HI,
    google: { cached_content: "top" },
    extra_body: { google: { cached_content: "nested", url_context: true } },
  });
  assert.equal(chat.request.cachedContent, "cachedContents/top");
  assert.deepEqual(chat.request.tools, [{ urlContext: {} }]);
});

Deno.test("malformed Gemini options are 400s naming where they came from", async () => {
  await assertRejectsInvalid(() => translate({ messages: HI, google: "x" }), "google");
  await assertRejectsInvalid(() => translate({ messages: HI, extra_body: [] }), "extra_body");
  await assertRejectsInvalid(
    () => translate({ messages: HI, extra_body: { google: 1 } }),
    "extra_body.google",
  );
  await assertRejectsInvalid(
    () =>
      translate({
        messages: HI,
        extra_body: {
          google: { safety_settings: [{ category: "HARASSMENT", threshold: "NEVER" }] },
        },
      }),
    "extra_body.google.safety_settings[0].threshold",
  );
  await assertRejectsInvalid(
    () => translate({ messages: HI, google: { cachedContent: 5 } }),
    "google.cachedContent",
  );
  await assertRejectsInvalid(
    () => translate({ messages: HI, google: { response_modalities: "TEXT" } }),
    "google.response_modalities",
  );
});

Deno.test("reasoning_effort with thinking_config is a 400", async () => {
  await assertRejectsInvalid(
    () =>
      translate({
        messages: HI,
        reasoning_effort: "high",
        google: { thinking_config: { thinking_budget: 1 } },
      }),
    "reasoning_effort",
  );
});

Deno.test("remote images are fetched once the whole request is valid", async () => {
  const fetched: string[] = [];
  const fetchFile = (url: string) => {
    fetched.push(url);
    return Promise.resolve({ mimeType: "image/png", data: "QQ==" });
  };
  const messages = [{
    role: "user",
    content: [
      { type: "text", text: "What is it?" },
      { type: "image_url", image_url: { url: "https://example.com/a.png" } },
    ],
  }];
  await assertRejectsInvalid(
    () => translate({ messages, temperature: 9 }, { fetchFile }),
    "temperature",
  );
  assert.deepEqual(fetched, []);
  const chat = await translate({ messages }, { fetchFile });
  assert.deepEqual(fetched, ["https://example.com/a.png"]);
  assert.deepEqual(chat.request.contents[0].parts, [
    { text: "What is it?" },
    { inlineData: { mimeType: "image/png", data: "QQ==" } },
  ]);
});

Deno.test("a failed fetch is a 400 naming the image's url", async () => {
  const messages = [{
    role: "user",
    content: [
      { type: "text", text: "?" },
      { type: "image_url", image_url: { url: "https://example.com/gone.png" } },
    ],
  }];
  await assertRejectsInvalid(
    () =>
      translate({ messages }, {
        fetchFile: () => Promise.reject(invalidRequest("Could not fetch it (HTTP 404).")),
      }),
    "messages[0].content[1].image_url.url",
    /HTTP 404/,
  );
});

/** Gemini contents with snake_case keys camelCased, ids and empty text parts removed. */
function normalize(contents: Content[]): Content[] {
  return JSON.parse(
    JSON.stringify(contents).replaceAll('"function_call"', '"functionCall"')
      .replaceAll('"function_response"', '"functionResponse"'),
    (key, value) => key === "id" ? undefined : value,
  ).map((content: Content) => ({
    ...content,
    parts: content.parts?.filter((part) => part.text !== ""),
  }));
}

Deno.test("a function-calling conversation matches the one recorded with Gemini 2.5 (fixture 07)", async () => {
  const recorded = JSON.parse(
    await readFixture("07_stream_jsonarray_functionCall_gemini-2.5-flash.2.request.json"),
  );
  const signature = recorded.contents[1].parts[0].thoughtSignature;
  const tool = {
    type: "function",
    function: { name: "pelican_name_generator", parameters: { type: "object", properties: {} } },
  };
  const call = (id: string) => ({
    id,
    type: "function",
    function: { name: "pelican_name_generator", arguments: "" },
  });
  const first = encodeToolCallId(signature);
  const chat = await translate({
    model: "gemini-2.5-flash",
    messages: [
      { role: "user", content: "Two names for a pet pelican" },
      { role: "assistant", content: null, tool_calls: [call(first)] },
      { role: "tool", tool_call_id: first, content: '{"output": "Charles"}' },
      { role: "assistant", content: null, tool_calls: [call("call_2")] },
      { role: "tool", tool_call_id: "call_2", content: '{"output": "Sammy"}' },
    ],
    tools: [tool],
  }, AS_NAMED);
  assert.deepEqual(chat.request.contents, normalize(recorded.contents));
  assert.deepEqual(chat.request.generationConfig, recorded.generationConfig);
  assertAccepted(chat.request, chat.model);
});

Deno.test("a Gemini 3 conversation matches the recorded one (fixture 08)", async () => {
  const recorded = JSON.parse(
    await readFixture("08_stream_jsonarray_gemini3_functionCall_signature.1.request.json"),
  );
  const signature = recorded.contents[1].parts[1].thoughtSignature;
  const chat = await translate({
    model: "gemini-3-pro-preview",
    messages: [
      { role: "user", content: "What is 5 times 3?" },
      {
        role: "assistant",
        content: "",
        tool_calls: [{
          id: "call_1",
          type: "function",
          function: { name: "multiply", arguments: '{"y":3,"x":5}' },
          extra_content: { google: { thought_signature: signature } },
        }],
      },
      { role: "tool", tool_call_id: "call_1", content: '{"output":"15"}' },
    ],
    tools: [{
      type: "function",
      function: {
        name: "multiply",
        description: "Multiply two numbers.",
        parameters: recorded.tools[0].functionDeclarations[0].parameters,
      },
    }],
  });
  assert.deepEqual(chat.request.contents, normalize(recorded.contents));
  assertAccepted(chat.request, chat.model);
});

Deno.test("a Gemini 3 conversation whose signatures were lost is still accepted", async () => {
  const chat = await translate({
    model: "gemini-3-flash-preview",
    messages: [
      { role: "user", content: "x" },
      {
        role: "assistant",
        tool_calls: [
          { id: "a", type: "function", function: { name: "f", arguments: "{}" } },
          { id: "b", type: "function", function: { name: "f", arguments: "{}" } },
        ],
      },
      { role: "tool", tool_call_id: "b", content: "2" },
      { role: "tool", tool_call_id: "a", content: "1" },
    ],
    tools: [{ type: "function", function: { name: "f" } }],
  });
  assert.equal(chat.request.contents[1].parts?.[0].thoughtSignature, SKIP_THOUGHT_SIGNATURE);
  assert.deepEqual(chat.request.contents[2].parts?.map((part) => part.functionResponse?.response), [
    { result: 1 },
    { result: 2 },
  ]);
});

Deno.test("a chat UI's request for a router-named -latest alias is sent the Gemini 3 way", async () => {
  const chat = await translate({
    model: "google/gemini-flash-latest",
    messages: [
      { role: "user", content: "x" },
      {
        role: "assistant",
        tool_calls: [{ id: "a", type: "function", function: { name: "f", arguments: { n: 1 } } }],
      },
      { role: "tool", tool_call_id: "a", content: '{"$ref": "#/x"}' },
    ],
    tools: [{
      type: "function",
      function: {
        name: "f",
        parameters: {
          type: "object",
          properties: { n: { $ref: "#/$defs/N", description: "n", minimum: 0 } },
          $defs: { N: { type: "integer" } },
        },
      },
    }],
    presence_penalty: 0,
    frequency_penalty: 0.3,
    top_k: 0,
    reasoning_effort: "xhigh",
  });
  assert.equal(chat.model, "gemini-flash-latest");
  assert.deepEqual(chat.request.generationConfig, {
    thinkingConfig: { thinkingLevel: "HIGH", includeThoughts: true },
  });
  assert.deepEqual(chat.request.contents[1].parts, [
    { functionCall: { name: "f", args: { n: 1 } }, thoughtSignature: SKIP_THOUGHT_SIGNATURE },
  ]);
  assert.deepEqual(chat.request.contents[2].parts?.[0].functionResponse?.response, {
    result: '{"$ref": "#/x"}',
  });
  assert.deepEqual(chat.request.tools?.[0].functionDeclarations?.[0].parametersJsonSchema, {
    type: "object",
    properties: { n: { type: "integer", description: "n", minimum: 0 } },
  });
  assertAccepted(chat.request, chat.model);
});

Deno.test("structured output for an older model passes proto validation", async () => {
  const chat = await translate({
    model: "gemini-2.0-flash",
    messages: HI,
    response_format: {
      type: "json_schema",
      json_schema: {
        name: "answer",
        strict: true,
        schema: {
          type: "object",
          additionalProperties: false,
          properties: { text: { type: "string" }, score: { type: ["number", "null"] } },
          required: ["text", "score"],
        },
      },
    },
    tools: [{
      type: "function",
      function: {
        name: "f",
        parameters: {
          type: "object",
          additionalProperties: false,
          properties: { a: { const: 1 } },
        },
      },
    }],
  }, AS_NAMED);
  assert.equal(chat.request.generationConfig?.responseJsonSchema, undefined);
  assert.equal(chat.request.generationConfig?.thinkingConfig, undefined);
  assertAccepted(chat.request, chat.model);
});

Deno.test("inline media over the request's budget is a 413, too many parts a 400", async () => {
  const image = (bytes: number) => ({
    type: "image_url",
    image_url: { url: `data:image/png;base64,${"A".repeat(bytes / 3 * 4)}` },
  });
  const audio = { type: "input_audio", input_audio: { data: "AAAA".repeat(100), format: "wav" } };
  const media = { maxMediaBytes: 1000, maxMediaParts: 3 };
  await assert.rejects(
    translate({ messages: [{ role: "user", content: [image(600), image(600)] }] }, { media }),
    (error) =>
      error instanceof GatewayError && error.status === 413 && error.code === "media_too_large" &&
      error.param === "messages[0].content[1].image_url.url",
  );
  await assertRejectsInvalid(
    () =>
      translate({
        messages: [{ role: "user", content: [audio, audio, audio, { ...audio }] }],
      }, { media }),
    "messages[0].content[3].input_audio.data",
    /at most 3/,
  );
  const chat = await translate({ messages: [{ role: "user", content: [image(600)] }] }, { media });
  assert.equal(chat.request.contents[0].parts!.length, 1);
});
