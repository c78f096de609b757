import assert from "node:assert/strict";
import {
  type MessagesRequestOptions,
  resolveClaudeModel,
  toMessagesRequest,
} from "../../src/anthropic/request.ts";
import { ModelAliases } from "../../src/core/model_name.ts";
import { validateGenerateContent } from "../../src/fake/validate.ts";
import { assertRejectsInvalid } from "../helpers/assert_invalid.ts";

const options = (
  aliases: ModelAliases = new ModelAliases([], true, () => {}),
): MessagesRequestOptions => ({
  models: {
    default: "gemini-flash-latest",
    haiku: "gemini-flash-lite-latest",
    sonnet: "gemini-3.6-flash",
    opus: "gemini-pro-latest",
  },
  modelAliases: aliases,
  safetyThreshold: "BLOCK_NONE",
  includeThoughts: true,
  fetchFile: () => Promise.reject(new Error("no fetching in this test")),
  media: { maxMediaBytes: 1_000_000, maxMediaParts: 10 },
});

const base = {
  model: "gemini-3.6-flash",
  max_tokens: 100,
  messages: [{ role: "user", content: "Hi" }],
};

Deno.test("Claude names go to their family's model; MODEL_ALIASES comes first", () => {
  const model = (name: unknown, aliases?: ModelAliases) =>
    resolveClaudeModel(name, options(aliases)).model;
  assert.equal(model("claude-haiku-4-5-20251001"), "gemini-flash-lite-latest");
  assert.equal(model("claude-3-5-haiku-latest"), "gemini-flash-lite-latest");
  assert.equal(model("anthropic/claude-opus-4-8"), "gemini-pro-latest");
  assert.equal(model("claude-sonnet-4-5"), "gemini-3.6-flash");
  assert.equal(model("claude-opus-5-5"), "gemini-pro-latest");
  assert.equal(model("claude-fable-5"), "gemini-flash-latest");
  assert.equal(model(undefined), "gemini-flash-latest");
  assert.equal(model("gemini-3.6-flash"), "gemini-3.6-flash");
  const aliases = new ModelAliases(
    [{ pattern: "claude-*", target: "gemini-2.5-flash-lite" }],
    true,
    () => {},
  );
  assert.equal(model("claude-haiku-4-5", aliases), "gemini-2.5-flash-lite");
  assert.deepEqual(resolveClaudeModel("claude-opus-5-5", options()), {
    model: "gemini-pro-latest",
    requested: "claude-opus-5-5",
  });
});

Deno.test("generation options: max_tokens capped at Gemini's limit, sampling, stops", async () => {
  const { request } = await toMessagesRequest({
    ...base,
    max_tokens: 128000,
    temperature: 0.2,
    top_p: 0.5,
    top_k: 10,
    stop_sequences: ["END", ""],
  }, options());
  assert.deepEqual(request.generationConfig, {
    temperature: 0.2,
    topP: 0.5,
    topK: 10,
    maxOutputTokens: 65536,
    stopSequences: ["END"],
    thinkingConfig: { includeThoughts: false },
  });
  assert.equal(request.safetySettings?.length, 5);
  const legacy = await toMessagesRequest(
    { ...base, model: "gemini-2.0-flash", max_tokens: 32000 },
    options(new ModelAliases([], false)),
  );
  assert.equal(legacy.request.generationConfig?.maxOutputTokens, 8192);
});

Deno.test("thinking: enabled by budget, adaptive by effort, disabled, display omitted", async () => {
  const thinking = async (body: Record<string, unknown>, model = "gemini-3.6-flash") =>
    (await toMessagesRequest({ ...base, model, ...body }, options(new ModelAliases([], false))))
      .request.generationConfig
      ?.thinkingConfig;
  assert.deepEqual(await thinking({ thinking: { type: "enabled", budget_tokens: 1024 } }), {
    thinkingLevel: "LOW",
    includeThoughts: true,
  });
  // A budget model thinks at most the client's budget, at most its own largest.
  assert.deepEqual(
    await thinking(
      { thinking: { type: "enabled", budget_tokens: 16000 } },
      "gemini-2.5-flash-lite",
    ),
    { thinkingBudget: 16000, includeThoughts: true },
  );
  assert.deepEqual(
    await thinking(
      { thinking: { type: "enabled", budget_tokens: 2000 } },
      "gemini-2.5-flash-lite",
    ),
    { thinkingBudget: 2000, includeThoughts: true },
  );
  assert.deepEqual(
    await thinking(
      { thinking: { type: "enabled", budget_tokens: 31999 } },
      "gemini-2.5-flash-lite",
    ),
    { thinkingBudget: 24576, includeThoughts: true },
  );
  assert.deepEqual(
    await thinking({ thinking: { type: "adaptive" }, output_config: { effort: "medium" } }),
    { thinkingLevel: "MEDIUM", includeThoughts: true },
  );
  assert.deepEqual(
    await thinking({
      thinking: { type: "adaptive", display: "omitted" },
      output_config: { effort: "max" },
    }),
    { thinkingLevel: "HIGH", includeThoughts: false },
  );
  assert.deepEqual(await thinking({ thinking: { type: "disabled" } }), {
    thinkingLevel: "MINIMAL",
  });
  assert.deepEqual(await thinking({}), { includeThoughts: false });
  assert.equal(
    await thinking({ thinking: { type: "enabled", budget_tokens: 2048 } }, "gemini-2.0-flash"),
    undefined,
  );
  // Whether the answer may hold thinking blocks: only when the client turned thinking on.
  const on = async (body: Record<string, unknown>) =>
    (await toMessagesRequest({ ...base, ...body }, options())).thinking;
  assert.equal(await on({ thinking: { type: "adaptive", display: "omitted" } }), true);
  assert.equal(await on({ thinking: { type: "enabled", budget_tokens: 2048 } }), true);
  assert.equal(await on({ thinking: { type: "disabled" } }), false);
  assert.equal(await on({}), false);
});

Deno.test("structured output: output_config.format json_schema", async () => {
  const { request } = await toMessagesRequest({
    ...base,
    output_config: {
      format: {
        type: "json_schema",
        schema: { type: "object", properties: { a: { type: "string" } } },
      },
    },
  }, options());
  assert.equal(request.generationConfig?.responseMimeType, "application/json");
  assert.deepEqual(request.generationConfig?.responseJsonSchema, {
    type: "object",
    properties: { a: { type: "string" } },
  });
});

Deno.test("the request Claude Code 2.1.332 really sends translates and passes the fake Gemini", async () => {
  const body = JSON.parse(
    await Deno.readTextFile(new URL("fixtures/claude_code_2.1.332_request.json", import.meta.url)),
  );
  for (const model of ["gemini-3.6-flash", "gemini-2.5-flash-lite", "gemini-2.0-flash"]) {
    const translated = await toMessagesRequest(
      { ...body, model },
      options(new ModelAliases([], false)),
    );
    assert.equal(translated.stream, true);
    const { request } = translated;
    // The role: system message after the prompt joins the system instruction.
    assert.equal(request.contents.length, 1);
    assert.equal(request.contents[0].role, "user");
    assert.ok(request.contents[0].parts?.some((part) => part.text === "Say hi"));
    if (model !== "gemini-2.0-flash") {
      assert.equal(request.systemInstruction?.parts?.length, 4);
      assert.match(request.systemInstruction?.parts?.[3].text ?? "", /^# Environment/);
    }
    assert.equal(request.tools?.[0].functionDeclarations?.length, 12);
    const result = validateGenerateContent(request, translated.model, "v1beta");
    assert.ok("request" in result, `${model}: ${JSON.stringify(result)}`);
  }
});

Deno.test("mistakes are 400s naming the field", async () => {
  await assertRejectsInvalid(
    () => toMessagesRequest({ ...base, max_tokens: undefined }, options()),
    "max_tokens",
  );
  await assertRejectsInvalid(
    () => toMessagesRequest({ ...base, max_tokens: 0 }, options()),
    "max_tokens",
  );
  await assertRejectsInvalid(
    () => toMessagesRequest({ ...base, temperature: 3 }, options()),
    "temperature",
  );
  await assertRejectsInvalid(
    () => toMessagesRequest({ ...base, stop_sequences: ["a", "b", "c", "d", "e", "f"] }, options()),
    "stop_sequences",
  );
  await assertRejectsInvalid(
    () => toMessagesRequest({ ...base, thinking: { type: "sometimes" } }, options()),
    "thinking.type",
  );
  await assertRejectsInvalid(
    () => toMessagesRequest({ ...base, thinking: { type: "enabled" } }, options()),
    "thinking.budget_tokens",
  );
  await assertRejectsInvalid(
    () =>
      toMessagesRequest({ ...base, thinking: { type: "enabled", budget_tokens: 500 } }, options()),
    "thinking.budget_tokens",
  );
  await assertRejectsInvalid(
    () => toMessagesRequest({ ...base, output_config: { effort: "extreme" } }, options()),
    "output_config.effort",
  );
  await assertRejectsInvalid(() => toMessagesRequest({ ...base, model: 42 }, options()), "model");
  await assertRejectsInvalid(
    () => toMessagesRequest({ ...base, metadata: "x" }, options()),
    "metadata",
  );
  await assertRejectsInvalid(
    () => toMessagesRequest({ ...base, output_format: { type: "xml" } }, options()),
    "output_format.type",
  );
});

Deno.test("count_tokens bodies may leave out max_tokens", async () => {
  const { request } = await toMessagesRequest({ ...base, max_tokens: undefined }, options(), true);
  assert.equal(request.generationConfig?.maxOutputTokens, undefined);
});
