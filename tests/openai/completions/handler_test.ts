import assert from "node:assert/strict";
import OpenAI from "npm:openai@7.57.0";
import { GREETING } from "../../../src/fake/generate.ts";
import {
  CONTINUE_INSTRUCTION,
  INSERT_INSTRUCTION,
} from "../../../src/openai/completions/request.ts";
import type { CreateCompletionResponse, ErrorResponse } from "../../../src/openai/types.ts";
import { sent, startGateway } from "../../helpers/harness.ts";
import { assertCompletionChunk, assertSchema } from "../../helpers/openapi.ts";

Deno.test("completions.create: the continuation, the default model, usage", async () => {
  await using gw = await startGateway();
  const completion = await gw.openai.completions.create({
    model: "gpt-3.5-turbo-instruct",
    prompt: "Once upon a time",
    max_tokens: 50,
    stop: ["\n\n"],
    temperature: 0.2,
  });
  assertSchema("CreateCompletionResponse", completion);
  assert.equal(completion.object, "text_completion");
  assert.match(completion.id, /^cmpl-/);
  assert.equal(completion.model, "gemini-flash-latest");
  assert.equal(completion.choices.length, 1);
  assert.equal(completion.choices[0].text, GREETING + "Once upon a time");
  assert.equal(completion.choices[0].finish_reason, "stop");
  assert.ok(completion.usage!.total_tokens > 0);
  const request = sent(gw);
  assert.equal(request.systemInstruction?.parts?.[0].text, CONTINUE_INSTRUCTION);
  assert.deepEqual(request.contents, [{ role: "user", parts: [{ text: "Once upon a time" }] }]);
  assert.equal(request.generationConfig?.maxOutputTokens, 50);
  assert.deepEqual(request.generationConfig?.stopSequences, ["\n\n"]);
  assert.equal(request.generationConfig?.temperature, 0.2);
  assert.ok(gw.fake.requests[0].path.endsWith("/models/gemini-flash-latest:generateContent"));
});

Deno.test("completions.create: prompts and n number the choices; echo; suffix", async () => {
  await using gw = await startGateway({ DEFAULT_COMPLETION_MODEL: "gemini-3.6-flash" });
  const completion = await gw.openai.completions.create({
    model: "davinci-002",
    prompt: ["one", "two"],
    n: 2,
    echo: true,
  });
  assertSchema("CreateCompletionResponse", completion);
  assert.equal(completion.model, "gemini-3.6-flash");
  assert.deepEqual(completion.choices.map((choice) => choice.index), [0, 1, 2, 3]);
  assert.deepEqual(completion.choices.map((choice) => choice.text), [
    `one${GREETING}one`,
    `one${GREETING}one`,
    `two${GREETING}two`,
    `two${GREETING}two`,
  ]);
  assert.equal(gw.fake.requests.length, 2);
  await gw.openai.completions.create({
    model: "gpt-3.5-turbo-instruct",
    prompt: "def f(",
    suffix: "return y",
  });
  const request = sent(gw);
  assert.equal(request.systemInstruction?.parts?.[0].text, INSERT_INSTRUCTION);
  assert.equal(request.contents[0].parts?.[0].text, "def f(<SUFFIX>return y");
});

Deno.test("completions.create: logprobs in the legacy shape", async () => {
  await using gw = await startGateway();
  const completion = await gw.openai.completions.create({
    model: "gemini-3.6-flash",
    prompt: "hi",
    logprobs: 2,
  });
  assertSchema("CreateCompletionResponse", completion);
  const logprobs = completion.choices[0].logprobs!;
  assert.equal(logprobs.tokens!.join(""), completion.choices[0].text);
  assert.equal(logprobs.tokens!.length, logprobs.token_logprobs!.length);
  assert.equal(logprobs.text_offset![0], 0);
  assert.equal(Object.keys(logprobs.top_logprobs![0]).length, 2);
  assert.equal(sent(gw).generationConfig?.logprobs, 2);
});

Deno.test("completions.create stream: text_completion chunks, one finish, usage", async () => {
  await using gw = await startGateway();
  const stream = await gw.openai.completions.create({
    model: "gemini-3.6-flash",
    prompt: "Stream me",
    stream: true,
    echo: true,
    stream_options: { include_usage: true },
  });
  const chunks: CreateCompletionResponse[] = [];
  for await (const chunk of stream) {
    assertCompletionChunk(chunk);
    chunks.push(chunk as CreateCompletionResponse);
  }
  const choices = chunks.flatMap((chunk) => chunk.choices);
  assert.ok(choices.length >= 3);
  assert.equal(choices.map((choice) => choice.text).join(""), `Stream me${GREETING}Stream me`);
  assert.deepEqual(choices.filter((choice) => choice.finish_reason).length, 1);
  assert.equal(choices.at(-1)!.finish_reason, "stop");
  assert.equal(new Set(chunks.map((chunk) => chunk.id)).size, 1);
  assert.equal(chunks.at(-1)!.choices.length, 0);
  assert.ok(chunks.at(-1)!.usage!.total_tokens > 0);
  assert.equal(gw.fake.requests[0].query.get("alt"), "sse");
});

Deno.test("completions.create: max_tokens reached is length; a blocked prompt content_filter", async () => {
  await using gw = await startGateway();
  gw.fake.reply(
    {
      json: {
        candidates: [{
          content: { role: "model", parts: [{ text: "Once" }] },
          finishReason: "MAX_TOKENS",
        }],
      },
    },
    { json: { promptFeedback: { blockReason: "PROHIBITED_CONTENT" } } },
  );
  const cut = await gw.openai.completions.create({
    model: "gpt-3.5-turbo-instruct",
    prompt: "a",
    max_tokens: 1,
  });
  assertSchema("CreateCompletionResponse", cut);
  assert.equal(cut.choices[0].text, "Once");
  assert.equal(cut.choices[0].finish_reason, "length");
  const blocked = await gw.openai.completions.create({
    model: "gpt-3.5-turbo-instruct",
    prompt: "b",
  });
  assertSchema("CreateCompletionResponse", blocked);
  assert.equal(blocked.choices[0].finish_reason, "content_filter");
  assert.match(blocked.choices[0].text, /PROHIBITED_CONTENT/);
});

Deno.test("completions.create stream: upstream errors before and during the stream", async () => {
  await using gw = await startGateway();
  gw.fake.reply({ error: 429 });
  await assert.rejects(
    async () =>
      await gw.openai.completions.create({
        model: "gpt-3.5-turbo-instruct",
        prompt: "a",
        stream: true,
      }),
    (error: { status: number; type: string }) => {
      assert.equal(error.status, 429);
      assert.equal(error.type, "rate_limit_error");
      return true;
    },
  );
  gw.fake.reply({
    chunks: [{ candidates: [{ content: { role: "model", parts: [{ text: "Once" }] } }] }],
    error: { error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" } },
  });
  const stream = await gw.openai.completions.create({
    model: "gpt-3.5-turbo-instruct",
    prompt: "a",
    stream: true,
  });
  const texts: string[] = [];
  await assert.rejects(async () => {
    for await (const chunk of stream) texts.push(...chunk.choices.map((choice) => choice.text));
  }, /overloaded/);
  assert.deepEqual(texts, ["Once"]);
});

Deno.test("completions: retired models are answered by their replacement, and say so", async () => {
  await using gw = await startGateway();
  const response = await gw.request("/v1/completions", {
    method: "POST",
    body: JSON.stringify({ model: "gemini-2.0-flash", prompt: "hi" }),
  });
  assert.equal(response.status, 200);
  assert.equal(
    response.headers.get("x-gateway-model-substituted"),
    "gemini-2.0-flash -> gemini-3.6-flash",
  );
  const body: CreateCompletionResponse = await response.json();
  assert.equal(body.model, "gemini-3.6-flash");
});

Deno.test("completions: client mistakes are 400s in OpenAI's envelope", async () => {
  await using gw = await startGateway();
  const cases: [unknown, string][] = [
    [{ model: "x" }, "prompt"],
    [{ prompt: [1, 2, 3] }, "prompt[0]"],
    [{ prompt: "a", best_of: 3 }, "best_of"],
    [{ prompt: ["a", "b"], stream: true }, "prompt"],
    [{ prompt: "a", logprobs: 9 }, "logprobs"],
    [{ prompt: "a", stop: ["1", "2", "3", "4", "5", "6"] }, "stop"],
    [{ prompt: "a", temperature: 3 }, "temperature"],
  ];
  for (const [body, param] of cases) {
    const response = await gw.request("/v1/completions", {
      method: "POST",
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 400, JSON.stringify(body));
    const error: ErrorResponse = await response.json();
    assertSchema("ErrorResponse", error);
    assert.equal(error.error.param, param);
  }
  assert.equal(gw.fake.requests.length, 0);
});

Deno.test("completions use the server's keys with an access token", async () => {
  await using gw = await startGateway({ GEMINI_API_KEYS: "pool-key", ACCESS_TOKENS: "token-1" });
  const openai = new OpenAI({ apiKey: "token-1", baseURL: `${gw.url}/v1`, maxRetries: 0 });
  const completion = await openai.completions.create({ model: "davinci-002", prompt: "x" });
  assert.equal(completion.object, "text_completion");
  const stream = await openai.completions.create({
    model: "davinci-002",
    prompt: "x",
    stream: true,
  });
  for await (const _ of stream) { /* drained */ }
  assert.equal(gw.fake.requests.length, 2);
  for (const request of gw.fake.requests) {
    assert.equal(request.headers.get("x-goog-api-key"), "pool-key");
  }
});
