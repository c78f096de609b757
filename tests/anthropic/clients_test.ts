import assert from "node:assert/strict";
import Anthropic from "npm:@anthropic-ai/sdk@1.15.0";
import { createAnthropic } from "npm:@ai-sdk/anthropic@4.0.105";
import * as ai from "npm:ai@7.0.173";
import { GREETING, THOUGHT } from "../../src/fake/generate.ts";
import { decodeToolCallId, SKIP_THOUGHT_SIGNATURE } from "../../src/core/tool_call_id.ts";
import { SUBSTITUTION_HEADER } from "../../src/core/model_name.ts";
import { type Gateway, sent, startGateway } from "../helpers/harness.ts";

/** The official Anthropic SDK pointed at the gateway. */
function client(gw: Gateway, key = "test-key"): Anthropic {
  return new Anthropic({ apiKey: key, baseURL: gw.url, maxRetries: 0 });
}

/** A 1×1 PNG. */
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

const weatherTool: Anthropic.Tool = {
  name: "get_weather",
  description: "The weather in a city.",
  input_schema: {
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
  },
};

Deno.test("SDK messages.create: text, model, stop reason and usage", async () => {
  await using gw = await startGateway();
  const message = await client(gw).messages.create({
    model: "gemini-2.5-flash-lite",
    max_tokens: 1024,
    system: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral" } }],
    messages: [{ role: "user", content: "Hello Claude" }],
    // Newer models dropped sampling options from the SDK's types; the API still takes them.
    ...{ temperature: 0.5, top_p: 0.9, top_k: 40 },
    metadata: { user_id: "someone" },
  } as Anthropic.MessageCreateParamsNonStreaming);
  assert.match(message.id, /^msg_/);
  assert.equal(message.type, "message");
  assert.equal(message.role, "assistant");
  assert.equal(message.model, "gemini-2.5-flash-lite");
  assert.deepEqual(message.content, [{ type: "text", text: GREETING + "Hello Claude" }]);
  assert.equal(message.stop_reason, "end_turn");
  assert.equal(message.stop_sequence, null);
  assert.ok(message.usage.input_tokens > 0);
  assert.ok(message.usage.output_tokens > 0);
  assert.equal(message.usage.cache_read_input_tokens, 0);
  const request = sent(gw);
  assert.deepEqual(request.systemInstruction, { parts: [{ text: "Be brief." }] });
  assert.deepEqual(request.generationConfig, {
    temperature: 0.5,
    topP: 0.9,
    topK: 40,
    maxOutputTokens: 1024,
  });
});

Deno.test("SDK messages.create: Claude names map to the family's model, and say so", async () => {
  await using gw = await startGateway({
    ANTHROPIC_HAIKU_MODEL: "gemini-2.5-flash-lite",
    ANTHROPIC_OPUS_MODEL: "gemini-3.6-flash",
  });
  const response = await client(gw).messages.create({
    model: "claude-haiku-4-5-20251001",
    max_tokens: 100,
    messages: [{ role: "user", content: "Hi" }],
  }).withResponse();
  assert.equal(response.data.model, "gemini-2.5-flash-lite");
  assert.equal(
    response.response.headers.get(SUBSTITUTION_HEADER),
    "claude-haiku-4-5-20251001 -> gemini-2.5-flash-lite",
  );
  const opus = await client(gw).messages.create({
    model: "claude-opus-5-5",
    max_tokens: 100,
    messages: [{ role: "user", content: "Hi" }],
  });
  assert.equal(opus.model, "gemini-3.6-flash");
});

Deno.test("SDK messages.create: unmapped Claude names go to DEFAULT_MODEL", async () => {
  await using gw = await startGateway({ DEFAULT_MODEL: "gemini-3.6-flash" });
  for (const model of ["claude-opus-5-5", "claude-haiku-4-5", "claude-sonnet-4-5"]) {
    const message = await client(gw).messages.create({
      model,
      max_tokens: 100,
      messages: [{ role: "user", content: "Hi" }],
    });
    assert.equal(message.model, "gemini-3.6-flash", model);
  }
});

Deno.test("SDK messages.create: MODEL_ALIASES wins over the family settings", async () => {
  await using gw = await startGateway({ MODEL_ALIASES: "claude-*=gemini-3.6-flash" });
  const message = await client(gw).messages.create({
    model: "claude-haiku-4-5",
    max_tokens: 100,
    messages: [{ role: "user", content: "Hi" }],
  });
  assert.equal(message.model, "gemini-3.6-flash");
});

Deno.test("SDK messages.create: a retired Gemini name is answered by its replacement", async () => {
  await using gw = await startGateway();
  const response = await client(gw).messages.create({
    model: "gemini-1.5-flash",
    max_tokens: 100,
    messages: [{ role: "user", content: "Hi" }],
  }).withResponse();
  assert.notEqual(response.data.model, "gemini-1.5-flash");
  assert.match(response.response.headers.get(SUBSTITUTION_HEADER) ?? "", /^gemini-1\.5-flash -> /);
  // Streamed, and counted, the same.
  const streamed = await client(gw).messages.create({
    model: "gemini-2.0-flash",
    max_tokens: 100,
    stream: true,
    messages: [{ role: "user", content: "Hi" }],
  }).withResponse();
  assert.match(streamed.response.headers.get(SUBSTITUTION_HEADER) ?? "", /^gemini-2\.0-flash -> /);
  let model = "";
  for await (const event of streamed.data) {
    if (event.type === "message_start") model = event.message.model;
  }
  assert.notEqual(model, "gemini-2.0-flash");
  assert.match(gw.fake.requests.at(-1)?.path ?? "", new RegExp(`/models/${model}:`));
  const counted = await client(gw).messages.countTokens({
    model: "gemini-1.5-pro-latest",
    messages: [{ role: "user", content: "Hi" }],
  }).withResponse();
  assert.match(
    counted.response.headers.get(SUBSTITUTION_HEADER) ?? "",
    /^gemini-1\.5-pro-latest -> /,
  );
});

Deno.test("SDK messages.stream: finalMessage with thinking and text", async () => {
  await using gw = await startGateway();
  const stream = client(gw).messages.stream({
    model: "gemini-2.5-flash-lite",
    max_tokens: 2048,
    thinking: { type: "enabled", budget_tokens: 2000 },
    messages: [{ role: "user", content: "Stream to me" }],
  });
  const texts: string[] = [];
  stream.on("text", (text) => texts.push(text));
  const message = await stream.finalMessage();
  assert.deepEqual(message.content, [
    { type: "thinking", thinking: THOUGHT, signature: "" },
    { type: "text", text: GREETING + "Stream to me" },
  ]);
  assert.ok(texts.length > 1);
  assert.equal(texts.join(""), GREETING + "Stream to me");
  assert.equal(message.stop_reason, "end_turn");
  assert.ok(message.usage.output_tokens > 0);
  assert.ok(message.usage.input_tokens > 0);
  // Gemini 2.5 thinks with the client's own budget.
  assert.deepEqual(sent(gw).generationConfig?.thinkingConfig, {
    thinkingBudget: 2000,
    includeThoughts: true,
  });
});

Deno.test("SDK messages.create: without thinking, content[0] is the text on Gemini 3", async () => {
  await using gw = await startGateway();
  const message = await client(gw).messages.create({
    model: "gemini-3.6-flash",
    max_tokens: 2048,
    messages: [{ role: "user", content: "Sign it" }],
  });
  // Gemini 3 signs its answer; a client that did not turn thinking on gets no thinking block.
  assert.deepEqual(message.content, [{ type: "text", text: GREETING + "Sign it" }]);
  const first = message.content[0];
  assert.equal(first.type === "text" && first.text, GREETING + "Sign it");
});

Deno.test("SDK messages.create: a Gemini 3 signature arrives as a thinking block's", async () => {
  await using gw = await startGateway();
  const message = await client(gw).messages.create({
    model: "gemini-3.6-flash",
    max_tokens: 2048,
    // What Claude Code sends: thinking on, no summaries shown.
    thinking: { type: "adaptive", display: "omitted" },
    messages: [{ role: "user", content: "Sign it" }],
  } as Anthropic.MessageCreateParamsNonStreaming);
  assert.equal(message.content.length, 2);
  assert.deepEqual(message.content[1], { type: "text", text: GREETING + "Sign it" });
  const signed = message.content.filter((block) => block.type === "thinking");
  assert.equal(signed.length, 1);
  assert.ok(signed[0].type === "thinking" && signed[0].signature.length > 20);
  // Sent back, the signature rides on the part after it, as Gemini gave it.
  await client(gw).messages.create({
    model: "gemini-3.6-flash",
    max_tokens: 100,
    messages: [
      { role: "user", content: "Sign it" },
      { role: "assistant", content: message.content },
      { role: "user", content: "Again" },
    ],
  });
  const model = sent(gw).contents[1];
  assert.equal(model.role, "model");
  assert.equal(
    model.parts?.at(-1)?.thoughtSignature,
    signed[0].type === "thinking" ? signed[0].signature : "",
  );
});

Deno.test("SDK: a tool loop with thinking on Gemini 3 hands the signature back", async () => {
  await using gw = await startGateway();
  const anthropic = client(gw);
  const question: Anthropic.MessageParam = { role: "user", content: "Weather in Paris?" };
  const first = await anthropic.messages.create({
    model: "gemini-3.6-flash",
    max_tokens: 4096,
    thinking: { type: "adaptive" },
    output_config: { effort: "high" },
    tools: [weatherTool],
    messages: [question],
  } as Anthropic.MessageCreateParamsNonStreaming);
  assert.equal(first.stop_reason, "tool_use");
  assert.deepEqual(first.content[0], { type: "thinking", thinking: THOUGHT, signature: "" });
  const call = first.content[1];
  assert.ok(call.type === "tool_use");
  assert.match(call.id, /^toolu_/);
  assert.equal(call.name, "get_weather");
  assert.deepEqual(call.input, { city: "example" });
  assert.deepEqual(sent(gw).generationConfig?.thinkingConfig, {
    thinkingLevel: "HIGH",
    includeThoughts: true,
  });
  const signature = decodeToolCallId(call.id);
  assert.ok(signature);

  const second = await anthropic.messages.create({
    model: "gemini-3.6-flash",
    max_tokens: 4096,
    thinking: { type: "adaptive" },
    tools: [weatherTool],
    messages: [
      question,
      { role: "assistant", content: first.content },
      {
        role: "user",
        content: [{ type: "tool_result", tool_use_id: call.id, content: "Sunny, 21 °C" }],
      },
    ],
  });
  assert.equal(second.stop_reason, "end_turn");
  const text = second.content.find((block) => block.type === "text");
  assert.equal(text?.type === "text" && text.text, 'The tool said: {"result":"Sunny, 21 °C"}');
  const contents = sent(gw).contents;
  assert.deepEqual(contents[1].parts, [{
    functionCall: { name: "get_weather", args: { city: "example" } },
    thoughtSignature: signature,
  }]);
  assert.notEqual(signature, SKIP_THOUGHT_SIGNATURE);
  assert.deepEqual(contents[2], {
    role: "user",
    parts: [{ functionResponse: { name: "get_weather", response: { result: "Sunny, 21 °C" } } }],
  });
});

Deno.test("SDK messages.stream: tool input arrives as input_json_delta", async () => {
  await using gw = await startGateway();
  const stream = client(gw).messages.stream({
    model: "gemini-3.6-flash",
    max_tokens: 1024,
    tools: [weatherTool],
    tool_choice: { type: "tool", name: "get_weather", disable_parallel_tool_use: true },
    messages: [{ role: "user", content: "Weather?" }],
  });
  const partials: string[] = [];
  stream.on("inputJson", (partial) => partials.push(partial));
  const message = await stream.finalMessage();
  assert.deepEqual(partials, ['{"city":"example"}']);
  assert.equal(message.stop_reason, "tool_use");
  const call = message.content.find((block) => block.type === "tool_use");
  assert.ok(call?.type === "tool_use");
  assert.deepEqual(call.input, { city: "example" });
  assert.deepEqual(sent(gw).toolConfig, {
    functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_weather"] },
  });
});

Deno.test("SDK: images in a message and inside a tool_result reach Gemini", async () => {
  await using gw = await startGateway();
  await client(gw).messages.create({
    model: "gemini-3.6-flash",
    max_tokens: 1024,
    tools: [weatherTool],
    messages: [
      {
        role: "user",
        content: [
          { type: "image", source: { type: "base64", media_type: "image/png", data: PNG } },
          { type: "text", text: "What is this?" },
        ],
      },
      {
        role: "assistant",
        content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "X" } }],
      },
      {
        role: "user",
        content: [{
          type: "tool_result",
          tool_use_id: "toolu_1",
          is_error: true,
          content: [
            { type: "text", text: "No such city; here is a map." },
            { type: "image", source: { type: "base64", media_type: "image/png", data: PNG } },
          ],
        }],
      },
    ],
  });
  const contents = sent(gw).contents;
  assert.deepEqual(contents[0].parts?.[0], { inlineData: { mimeType: "image/png", data: PNG } });
  assert.deepEqual(contents[2].parts, [
    {
      functionResponse: {
        name: "get_weather",
        response: { error: "No such city; here is a map." },
      },
    },
    { inlineData: { mimeType: "image/png", data: PNG } },
  ]);
  // A call without a signature gets Gemini 3's skip placeholder.
  assert.equal(contents[1].parts?.[0].thoughtSignature, SKIP_THOUGHT_SIGNATURE);
});

Deno.test("SDK: an image by URL, a PDF and a plain-text document reach Gemini", async () => {
  const png = Uint8Array.fromBase64(PNG);
  await using images = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    () => new Response(png, { headers: { "content-type": "image/png" } }),
  );
  await using gw = await startGateway();
  const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n").toBase64();
  await client(gw).messages.create({
    model: "gemini-3.6-flash",
    max_tokens: 1024,
    messages: [{
      role: "user",
      content: [
        { type: "image", source: { type: "url", url: `http://127.0.0.1:${images.addr.port}/a` } },
        { type: "document", source: { type: "base64", media_type: "application/pdf", data: pdf } },
        {
          type: "document",
          title: "Notes",
          source: { type: "text", media_type: "text/plain", data: "Buy milk." },
        },
        { type: "text", text: "Summarise these." },
      ],
    }],
  });
  assert.deepEqual(sent(gw).contents[0].parts, [
    { inlineData: { mimeType: "image/png", data: PNG } },
    { inlineData: { mimeType: "application/pdf", data: pdf } },
    { text: "Notes\n\nBuy milk." },
    { text: "Summarise these." },
  ]);
});

Deno.test("SDK beta.messages: anthropic-beta headers, a Bearer token, countTokens", async () => {
  await using gw = await startGateway();
  const urls: string[] = [];
  const headers: Headers[] = [];
  const anthropic = new Anthropic({
    authToken: "bearer-key",
    apiKey: null,
    baseURL: gw.url,
    maxRetries: 0,
    fetch: (url: string | URL | Request, init?: RequestInit) => {
      urls.push(String(url));
      headers.push(new Headers(init?.headers));
      return fetch(url, init);
    },
  });
  const message = await anthropic.beta.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 4096,
    betas: ["interleaved-thinking-2025-05-14", "context-management-2025-06-27"],
    messages: [{ role: "user", content: "Hi" }],
  });
  assert.equal(message.content.at(-1)?.type, "text");
  assert.equal(gw.fake.requests.at(-1)?.headers.get("x-goog-api-key"), "bearer-key");
  const count = await anthropic.beta.messages.countTokens({
    model: "claude-sonnet-4-5",
    betas: ["token-counting-2024-11-01"],
    messages: [{ role: "user", content: "Hi" }],
  });
  assert.ok(count.input_tokens > 0);
  // `?beta=true` (what Claude Code adds) is in handler_test.ts and the Claude Code test.
  assert.deepEqual(urls.map((url) => new URL(url).pathname), [
    "/v1/messages",
    "/v1/messages/count_tokens",
  ]);
  assert.equal(headers[0].get("authorization"), "Bearer bearer-key");
  assert.match(headers[0].get("anthropic-beta") ?? "", /interleaved-thinking/);
});

Deno.test("SDK: stop sequences and tool_choice any and none reach Gemini", async () => {
  await using gw = await startGateway();
  const anthropic = client(gw);
  const params = {
    model: "gemini-3.6-flash",
    max_tokens: 100,
    tools: [weatherTool],
    messages: [{ role: "user" as const, content: "Weather?" }],
  };
  const any = await anthropic.messages.create({
    ...params,
    tool_choice: { type: "any" },
    stop_sequences: ["END"],
  });
  assert.equal(any.stop_reason, "tool_use");
  assert.deepEqual(sent(gw).toolConfig, { functionCallingConfig: { mode: "ANY" } });
  assert.deepEqual(sent(gw).generationConfig?.stopSequences, ["END"]);
  const none = await anthropic.messages.create({ ...params, tool_choice: { type: "none" } });
  assert.equal(none.stop_reason, "end_turn");
  assert.deepEqual(sent(gw).toolConfig, { functionCallingConfig: { mode: "NONE" } });
});

Deno.test("SDK: thinking and redacted_thinking blocks sent back; the signature reaches Gemini", async () => {
  await using gw = await startGateway();
  const signature = btoa("a-text-signature");
  await client(gw).messages.create({
    model: "gemini-3.6-flash",
    max_tokens: 100,
    thinking: { type: "enabled", budget_tokens: 1024 },
    messages: [
      { role: "user", content: "Hi" },
      {
        role: "assistant",
        content: [
          { type: "redacted_thinking", data: "opaque" },
          { type: "thinking", thinking: "Summary", signature },
          { type: "text", text: "Hello." },
        ],
      },
      { role: "user", content: "Again" },
    ],
  });
  assert.deepEqual(sent(gw).contents[1], {
    role: "model",
    parts: [{ text: "Hello.", thoughtSignature: signature }],
  });
});

Deno.test("SDK messages.stream: failures before the stream are HTTP errors with retry-after", async () => {
  await using gw = await startGateway();
  gw.fake.reply({ error: 429 });
  const stream = client(gw).messages.stream({
    model: "gemini-3.6-flash",
    max_tokens: 100,
    messages: [{ role: "user", content: "Hi" }],
  });
  await assert.rejects(stream.finalMessage(), (error: unknown) => {
    assert.ok(error instanceof Anthropic.RateLimitError);
    assert.equal(error.status, 429);
    assert.equal(error.headers?.get("retry-after"), "26");
    return true;
  });
  gw.fake.reply({ error: 503 });
  await assert.rejects(
    client(gw).messages.stream({
      model: "gemini-3.6-flash",
      max_tokens: 100,
      messages: [{ role: "user", content: "Hi" }],
    }).finalMessage(),
    Anthropic.OverloadedError,
  );
});

Deno.test("SDK messages.stream: max tokens, a blocked prompt, empty and malformed answers", async () => {
  await using gw = await startGateway();
  const stream = (content: string) =>
    client(gw).messages.stream({
      model: "gemini-3.6-flash",
      max_tokens: 5,
      messages: [{ role: "user", content }],
    }).finalMessage();
  gw.fake.reply({
    chunks: [{
      candidates: [{
        content: { role: "model", parts: [{ text: "Cut" }] },
        finishReason: "MAX_TOKENS",
      }],
      usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 5 },
    }],
  });
  const cut = await stream("Long");
  assert.equal(cut.stop_reason, "max_tokens");
  assert.deepEqual(cut.content, [{ type: "text", text: "Cut" }]);
  assert.equal(cut.usage.output_tokens, 5);
  gw.fake.reply({
    chunks: [{
      promptFeedback: { blockReason: "PROHIBITED_CONTENT" },
      usageMetadata: { promptTokenCount: 4 },
    }],
  });
  const blocked = await stream("Bad");
  assert.equal(blocked.stop_reason, "refusal");
  assert.deepEqual(blocked.content, [{
    type: "text",
    text: "The prompt was blocked by Gemini (reason: PROHIBITED_CONTENT).",
  }]);
  gw.fake.reply({
    chunks: [{
      candidates: [{ content: { role: "model", parts: [] }, finishReason: "STOP" }],
      usageMetadata: { promptTokenCount: 4 },
    }],
  });
  const empty = await stream("Nothing");
  assert.equal(empty.stop_reason, "end_turn");
  assert.deepEqual(empty.content, []);
  assert.equal(empty.usage.input_tokens, 4);
  // A malformed call is not silence: the user (and the model, next turn) learns why.
  gw.fake.reply({
    chunks: [{
      candidates: [{
        finishReason: "MALFORMED_FUNCTION_CALL",
        finishMessage: "Malformed function call: Bash(",
      }],
    }],
  });
  const malformed = await stream("Run it");
  assert.equal(malformed.stop_reason, "end_turn");
  assert.deepEqual(malformed.content, [{
    type: "text",
    text:
      "Gemini ended the turn without an answer (reason: MALFORMED_FUNCTION_CALL). Malformed function call: Bash(",
  }]);
});

Deno.test("SDK messages.countTokens: Gemini's countTokens of the whole request", async () => {
  await using gw = await startGateway();
  const count = await client(gw).messages.countTokens({
    model: "claude-sonnet-4-5",
    system: "Be brief.",
    tools: [weatherTool],
    messages: [{ role: "user", content: "Count me, please." }],
  });
  assert.ok(count.input_tokens > 0);
  const last = gw.fake.requests.at(-1)!;
  assert.match(last.path, /:countTokens$/);
  const body = last.body as { generateContentRequest: Record<string, unknown> };
  assert.match(String(body.generateContentRequest.model), /^models\//);
  assert.ok(body.generateContentRequest.systemInstruction);
  assert.ok(body.generateContentRequest.tools);
});

Deno.test("SDK models.list and models.retrieve: Gemini's models in Anthropic's shape", async () => {
  await using gw = await startGateway();
  const anthropic = client(gw);
  const ids: string[] = [];
  for await (const model of anthropic.models.list({ limit: 5 })) ids.push(model.id);
  assert.ok(ids.length > 10);
  assert.ok(ids.includes("gemini-3.6-flash"));
  assert.equal(new Set(ids).size, ids.length);
  // An unmapped Claude name is answered by DEFAULT_MODEL.
  const model = await anthropic.models.retrieve("claude-haiku-4-5");
  assert.equal(model.id, "gemini-flash-latest");
  assert.equal(model.type, "model");
});

Deno.test("SDK errors: each failure is the APIError subclass of its status", async () => {
  await using gw = await startGateway();
  const anthropic = client(gw);
  const params = {
    model: "gemini-3.6-flash",
    max_tokens: 100,
    messages: [{ role: "user" as const, content: "Hi" }],
  };
  await assert.rejects(
    anthropic.messages.create({ ...params, max_tokens: 0 }),
    (error: unknown) => {
      assert.ok(error instanceof Anthropic.BadRequestError);
      assert.equal(error.status, 400);
      assert.equal(error.type, "invalid_request_error");
      assert.match(error.message, /max_tokens/);
      return true;
    },
  );
  await assert.rejects(
    client(gw, "invalid-key").messages.create(params),
    Anthropic.AuthenticationError,
  );
  await assert.rejects(
    client(gw, "leaked-key").messages.create(params),
    Anthropic.PermissionDeniedError,
  );
  await assert.rejects(
    anthropic.messages.create({ ...params, model: "gemini-no-such-model" }),
    Anthropic.NotFoundError,
  );
  gw.fake.reply({ error: 429 });
  await assert.rejects(anthropic.messages.create(params), (error: unknown) => {
    assert.ok(error instanceof Anthropic.RateLimitError);
    assert.equal(error.headers?.get("retry-after"), "26");
    return true;
  });
  gw.fake.reply({ error: 503 });
  await assert.rejects(anthropic.messages.create(params), (error: unknown) => {
    assert.ok(error instanceof Anthropic.OverloadedError);
    assert.equal(error.status, 529);
    assert.equal(error.type, "overloaded_error");
    return true;
  });
  gw.fake.reply({ error: 500 });
  await assert.rejects(anthropic.messages.create(params), Anthropic.InternalServerError);
});

Deno.test("SDK stream: a failure after the start is an error event the SDK raises", async () => {
  await using gw = await startGateway();
  gw.fake.reply({
    chunks: [{ candidates: [{ content: { role: "model", parts: [{ text: "Partial " }] } }] }],
    error: { error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" } },
  });
  const stream = client(gw).messages.stream({
    model: "gemini-3.6-flash",
    max_tokens: 100,
    messages: [{ role: "user", content: "Hi" }],
  });
  await assert.rejects(stream.finalMessage(), (error: unknown) => {
    assert.ok(error instanceof Anthropic.APIError);
    assert.equal(error.type, "overloaded_error");
    return true;
  });
});

/** The AI SDK's Anthropic provider pointed at the gateway. */
function aiProvider(gw: Gateway) {
  return createAnthropic({ baseURL: `${gw.url}/v1`, apiKey: "test-key" });
}

const aiWeatherTool = ai.tool({
  description: "The weather in a city.",
  inputSchema: ai.jsonSchema<{ city: string }>({
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
  }),
  execute: ({ city }) => Promise.resolve(`Sunny in ${city}`),
});

Deno.test("AI SDK generateText: a tool round trip through @ai-sdk/anthropic", async () => {
  await using gw = await startGateway();
  const result = await ai.generateText({
    model: aiProvider(gw)("gemini-3.6-flash"),
    system: "Be brief.",
    prompt: "Weather in Paris?",
    tools: { get_weather: aiWeatherTool },
    stopWhen: ai.stepCountIs(3),
    maxRetries: 0,
  });
  assert.equal(result.steps.length, 2);
  assert.equal(result.steps[0].finishReason, "tool-calls");
  assert.deepEqual(result.steps[0].toolCalls[0].input, { city: "example" });
  assert.equal(result.text, 'The tool said: {"result":"Sunny in example"}');
  assert.equal(result.finishReason, "stop");
  assert.ok((result.usage.inputTokens ?? 0) > 0);
  const request = sent(gw);
  assert.deepEqual(request.systemInstruction, { parts: [{ text: "Be brief." }] });
  const call = request.contents[1].parts?.find((part) => part.functionCall);
  assert.ok(call?.thoughtSignature);
  assert.notEqual(call.thoughtSignature, SKIP_THOUGHT_SIGNATURE);
});

Deno.test("AI SDK streamText: text deltas, reasoning and a streamed tool call", async () => {
  await using gw = await startGateway();
  const result = ai.streamText({
    model: aiProvider(gw)("gemini-2.5-flash-lite"),
    prompt: "Weather in Rome?",
    tools: { get_weather: aiWeatherTool },
    providerOptions: { anthropic: { thinking: { type: "enabled", budgetTokens: 4096 } } },
    stopWhen: ai.stepCountIs(3),
    maxRetries: 0,
  });
  const deltas: string[] = [];
  for await (const delta of result.textStream) deltas.push(delta);
  assert.equal(deltas.join(""), 'The tool said: {"result":"Sunny in example"}');
  const steps = await result.steps;
  assert.equal(steps[0].reasoningText, THOUGHT);
  assert.deepEqual(steps[0].toolCalls[0].input, { city: "example" });
  assert.equal(await result.finishReason, "stop");
});
