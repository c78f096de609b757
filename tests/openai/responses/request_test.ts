import assert from "node:assert/strict";
import { loadConfig } from "../../../src/config.ts";
import { COMPACTION_PROMPT, toResponseRequest } from "../../../src/openai/responses/request.ts";
import { assertRejectsInvalid } from "../../helpers/assert_invalid.ts";

const config = loadConfig(() => undefined);
const options = {
  defaultModel: "gemini-3.8-flash",
  modelAliases: config.modelAliases,
  safetyThreshold: "BLOCK_NONE",
  includeThoughts: false,
  fetchFile: () => Promise.reject(new Error("no fetching in this test")),
  media: config,
};
const translate = (body: unknown, history: unknown[] = []) =>
  toResponseRequest(body, options, history);

Deno.test("defaults: not streamed, stored, parallel calls, the default model for OpenAI names", async () => {
  const request = await translate({ model: "gpt-5-codex", input: "Hi" });
  assert.equal(request.model, "gemini-3.8-flash");
  assert.equal(request.requested, "gpt-5-codex");
  assert.equal(request.stream, false);
  assert.equal(request.store, true);
  assert.equal(request.parallelToolCalls, true);
  assert.equal(request.includeEncrypted, false);
  assert.equal(request.compaction, false);
  assert.deepEqual(request.request.contents, [{ role: "user", parts: [{ text: "Hi" }] }]);
  assert.equal(request.request.safetySettings?.length, 5);
  assert.deepEqual(request.echo, {
    instructions: null,
    max_output_tokens: null,
    metadata: {},
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: null,
    store: true,
    temperature: 1,
    text: { format: { type: "text" } },
    tool_choice: "auto",
    tools: [],
    top_p: 1,
    truncation: "disabled",
    prompt_cache_key: null,
    service_tier: "default",
  });
});

Deno.test("every accepted field, echoed as the response repeats it", async () => {
  const request = await translate({
    model: "gemini-3.8-flash",
    input: "Hi",
    instructions: "Short.",
    stream: true,
    store: false,
    include: ["reasoning.encrypted_content"],
    parallel_tool_calls: false,
    metadata: { a: "b" },
    temperature: 0.2,
    top_p: 0.5,
    max_output_tokens: 100,
    reasoning: { effort: "high", summary: "detailed" },
    tools: [{ type: "function", name: "f", parameters: { type: "object" } }],
    tool_choice: "required",
    truncation: "auto",
    user: "u1",
    prompt_cache_key: "k",
    service_tier: "flex",
    background: false,
    previous_response_id: "resp_1",
  });
  assert.equal(request.stream, true);
  assert.equal(request.store, false);
  assert.equal(request.previousResponseId, "resp_1");
  assert.equal(request.includeEncrypted, true);
  assert.equal(request.parallelToolCalls, false);
  assert.deepEqual(request.request.generationConfig, {
    temperature: 0.2,
    topP: 0.5,
    maxOutputTokens: 100,
    thinkingConfig: { thinkingLevel: "HIGH", includeThoughts: true },
  });
  assert.deepEqual(request.request.toolConfig, { functionCallingConfig: { mode: "ANY" } });
  assert.deepEqual(request.echo.tools, [
    { type: "function", name: "f", parameters: { type: "object" }, strict: null },
  ]);
  assert.deepEqual(request.echo.reasoning, { effort: "high", summary: "detailed" });
  assert.equal(request.echo.truncation, "auto");
  assert.equal(request.echo.user, "u1");
  assert.equal(request.echo.service_tier, "flex");
  assert.equal(request.echo.max_output_tokens, 100);
});

Deno.test("thought summaries: the configured default unless reasoning.summary asks", async () => {
  const plain = await translate({ model: "gemini-3.8-flash", input: "Hi" });
  assert.deepEqual(plain.request.generationConfig?.thinkingConfig, { includeThoughts: false });
  const asked = await translate({
    model: "gemini-3.8-flash",
    input: "Hi",
    reasoning: { summary: "auto" },
  });
  assert.deepEqual(asked.request.generationConfig?.thinkingConfig, { includeThoughts: true });
  const none = await translate({
    model: "gemini-2.5-flash-lite",
    input: "Hi",
    reasoning: { effort: "none" },
  });
  assert.deepEqual(none.request.generationConfig?.thinkingConfig, { thinkingBudget: 0 });
});

Deno.test("text.format: JSON Schema, JSON mode, text", async () => {
  const schema = { type: "object", properties: { n: { type: "integer" } } };
  const json = await translate({
    input: "x",
    text: { format: { type: "json_schema", name: "n", schema, strict: true } },
  });
  assert.deepEqual(json.request.generationConfig, {
    responseMimeType: "application/json",
    responseJsonSchema: schema,
    thinkingConfig: { includeThoughts: false },
  });
  assert.deepEqual(json.echo.text.format, { type: "json_schema", name: "n", schema, strict: true });
  const mode = await translate({ input: "x", text: { format: { type: "json_object" } } });
  assert.equal(mode.request.generationConfig?.responseMimeType, "application/json");
  const text = await translate({
    input: "x",
    text: { format: { type: "text" }, verbosity: "low" },
  });
  assert.equal(text.request.generationConfig?.responseMimeType, undefined);
});

Deno.test("history from previous_response_id comes before the input", async () => {
  const request = await translate({ input: "Second" }, [
    { type: "message", role: "user", content: [{ type: "input_text", text: "First" }] },
    { type: "message", role: "assistant", content: [{ type: "output_text", text: "Answer" }] },
  ]);
  assert.deepEqual(request.request.contents.map((content) => content.parts?.[0].text), [
    "First",
    "Answer",
    "Second",
  ]);
  const continued = await translate({}, [{ role: "user", content: "Only history" }]);
  assert.equal(continued.request.contents.length, 1);
});

Deno.test("a compaction request asks for a summary, without tools", async () => {
  const request = await translate({
    input: [{ role: "user", content: "Work" }, { type: "compaction_trigger" }],
    tools: [{ type: "function", name: "f" }],
  });
  assert.equal(request.compaction, true);
  assert.equal(request.request.tools, undefined);
  assert.deepEqual(request.request.contents.at(-1), {
    role: "user",
    parts: [{ text: "Work" }, { text: COMPACTION_PROMPT }],
  });
});

Deno.test("request mistakes are 400s naming the field", async () => {
  const cases: [unknown, string | null][] = [
    [[], null],
    [{}, "input"],
    [{ input: "x", model: 3 }, "model"],
    [{ input: "x", stream: "yes" }, "stream"],
    [{ input: "x", store: 1 }, "store"],
    [{ input: "x", include: "reasoning" }, "include"],
    [{ input: "x", include: ["nope"] }, "include[0]"],
    [{ input: "x", metadata: { a: 1 } }, "metadata.a"],
    [
      { input: "x", metadata: Object.fromEntries([...Array(17)].map((_, i) => [`k${i}`, "v"])) },
      "metadata",
    ],
    [{ input: "x", temperature: -1 }, "temperature"],
    [{ input: "x", top_p: 2 }, "top_p"],
    [{ input: "x", max_output_tokens: 0 }, "max_output_tokens"],
    [{ input: "x", reasoning: "high" }, "reasoning"],
    [{ input: "x", reasoning: { summary: 1 } }, "reasoning.summary"],
    [{ input: "x", text: { format: { type: "json_schema" } } }, "text.format.schema"],
    [{ input: "x", text: "json" }, "text"],
    [{ input: "x", parallel_tool_calls: "no" }, "parallel_tool_calls"],
    [{ input: "x", previous_response_id: 5 }, "previous_response_id"],
    [{ input: "x", conversation: "conv_1" }, "conversation"],
    [{ input: "x", prompt: { id: "pmpt_1" } }, "prompt"],
  ];
  for (const [body, param] of cases) await assertRejectsInvalid(() => translate(body), param);
  // Absent is absent, null included.
  await translate({ input: "x", conversation: null, prompt: null });
});
