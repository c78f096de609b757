import assert from "node:assert/strict";
import OpenAI from "npm:openai@7.57.0";
import { GREETING } from "../../../src/fake/generate.ts";
import type { GenerateContentRequest, GenerateContentResponse } from "../../../src/gemini/types.ts";
import type {
  CreateChatCompletionStreamResponse,
  ErrorResponse,
} from "../../../src/openai/types.ts";
import { type Gateway, sent, startGateway } from "../../helpers/harness.ts";
import { assertSchema, collect, valid } from "../../helpers/openapi.ts";
import { assemble } from "./replay.ts";

type Chunk = CreateChatCompletionStreamResponse;

/** A Gemini stream chunk of one text part, finished when `finishReason` is given. */
function textChunk(text: string, finishReason?: string): GenerateContentResponse {
  return {
    candidates: [{
      content: { role: "model", parts: [{ text }] },
      index: 0,
      ...finishReason && { finishReason },
    }],
    usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 3, totalTokenCount: 7 },
  };
}

/** Posts a chat completion body as it is, without the SDK. */
function post(gw: Gateway, body: unknown, signal?: AbortSignal): Promise<Response> {
  return gw.request("/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

/** The JSON payloads of a raw SSE body's `data:` events, `[DONE]` left out. */
function dataEvents(text: string): Record<string, unknown>[] {
  return text.split("\n\n").filter((event) =>
    event.startsWith("data: ") && event !== "data: [DONE]"
  )
    .map((event) => JSON.parse(event.slice("data: ".length)));
}

const hello = [{ role: "user" as const, content: "Hello there" }];

Deno.test("create: a valid completion with the fake's answer and Gemini's token counts", async () => {
  await using gw = await startGateway();
  const completion = valid(
    await gw.openai.chat.completions.create({ model: "gemini-3.8-flash", messages: hello }),
  );
  assert.match(completion.id, /^chatcmpl-[A-Za-z0-9]+$/);
  assert.equal(completion.object, "chat.completion");
  assert.equal(completion.model, "gemini-3.8-flash");
  assert.ok(Math.abs(completion.created - Date.now() / 1000) < 60);
  const [choice] = completion.choices;
  assert.equal(choice.message.content, GREETING + "Hello there");
  assert.equal(choice.finish_reason, "stop");
  assert.equal(gw.fake.requests[0].path, "/v1beta/models/gemini-3.8-flash:generateContent");
  assert.equal(gw.fake.requests[0].headers.get("x-goog-api-key"), "test-key");

  gw.fake.reply({
    json: {
      candidates: [{
        content: { role: "model", parts: [{ text: "Counted." }] },
        finishReason: "STOP",
        index: 0,
      }],
      usageMetadata: {
        promptTokenCount: 11,
        candidatesTokenCount: 7,
        thoughtsTokenCount: 5,
        cachedContentTokenCount: 3,
        totalTokenCount: 23,
      },
    },
  });
  const counted = valid(
    await gw.openai.chat.completions.create({ model: "gemini-3.8-flash", messages: hello }),
  );
  assert.equal(counted.choices[0].message.content, "Counted.");
  assert.deepEqual(counted.usage, {
    prompt_tokens: 11,
    completion_tokens: 12,
    total_tokens: 23,
    prompt_tokens_details: { cached_tokens: 3 },
    completion_tokens_details: { reasoning_tokens: 5 },
  });
});

Deno.test("an OpenAI model name is answered by the default Gemini model", async () => {
  await using gw = await startGateway();
  const completion = valid(
    await gw.openai.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Title this chat" }],
    }),
  );
  assert.equal(completion.model, "gemini-flash-latest");
  assert.equal(gw.fake.requests[0].path, "/v1beta/models/gemini-flash-latest:generateContent");
});

Deno.test("without a model, the moving alias answers, with no substitution header", async () => {
  await using gw = await startGateway();
  const response = await post(gw, { messages: hello });
  const completion = valid(await response.json());
  assert.equal(completion.model, "gemini-flash-latest");
  assert.equal(response.headers.get("x-gateway-model-substituted"), null);
  assert.equal(gw.fake.requests[0].path, "/v1beta/models/gemini-flash-latest:generateContent");
});

Deno.test("gpt-4o and Claude names reach the default, and say so", async () => {
  await using gw = await startGateway();
  for (const model of ["gpt-4o", "claude-sonnet-4-5-20250929"]) {
    const response = await post(gw, { model, messages: hello });
    assert.equal((await response.json()).model, "gemini-flash-latest");
    assert.equal(
      response.headers.get("x-gateway-model-substituted"),
      `${model} -> gemini-flash-latest`,
    );
  }
});

Deno.test("retired models reach their replacement, streaming or not, visibly", async () => {
  await using gw = await startGateway();
  const cases = {
    "gemini-2.5-flash": "gemini-3.5-flash-lite",
    "gemini-2.0-flash": "gemini-3.6-flash",
    "gemini-1.5-pro-latest": "gemini-3.8-flash",
  };
  for (const [model, replacement] of Object.entries(cases)) {
    const response = await post(gw, { model, messages: hello });
    assert.equal(response.status, 200, model);
    assert.equal(valid(await response.json()).model, replacement);
    assert.equal(
      response.headers.get("x-gateway-model-substituted"),
      `${model} -> ${replacement}`,
    );
    assert.equal(
      gw.fake.requests.at(-1)!.path,
      `/v1beta/models/${replacement}:generateContent`,
    );

    const stream = await post(gw, { model, messages: hello, stream: true });
    assert.equal(
      stream.headers.get("x-gateway-model-substituted"),
      `${model} -> ${replacement}`,
    );
    const chunks = dataEvents(await stream.text());
    assert.ok(chunks.length > 0);
    for (const chunk of chunks) assert.equal(chunk.model, replacement);
  }
});

Deno.test("MODEL_ALIASES override the built-in table; RETIRED_MODEL_ALIASES=false sends names as given", async () => {
  {
    await using gw = await startGateway({
      MODEL_ALIASES: "gemini-2.5-flash=gemini-3.8-flash,claude-*=gemini-4-argon",
    });
    const retired = await post(gw, { model: "gemini-2.5-flash", messages: hello });
    assert.equal((await retired.json()).model, "gemini-3.8-flash");
    const claude = await post(gw, { model: "claude-opus-4-1", messages: hello });
    assert.equal((await claude.json()).model, "gemini-4-argon");
  }
  await using gw = await startGateway({ RETIRED_MODEL_ALIASES: "false" });
  const response = await post(gw, { model: "gemini-2.0-flash", messages: hello });
  assert.equal(response.status, 404, "the fake answers as Google does for a shut-down model");
});

Deno.test("each substitution is logged once, however many requests it serves", async () => {
  await using gw = await startGateway();
  const lines: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    for (let i = 0; i < 3; i++) {
      await (await post(gw, { model: "gemini-2.0-flash", messages: hello })).body?.cancel();
      await (await post(gw, { model: "gpt-4o", messages: hello })).body?.cancel();
    }
  } finally {
    console.warn = warn;
  }
  assert.equal(lines.length, 2, lines.join("\n"));
  assert.match(lines[0], /gemini-2\.0-flash -> gemini-3\.6-flash/);
  assert.match(lines[1], /gpt-4o -> gemini-flash-latest/);
});

Deno.test("a model name that is too long or not a name is a 400 naming model", async () => {
  await using gw = await startGateway();
  for (const model of ["gemini-".padEnd(70_000, "x"), "gemini 3.8 flash", "a/b:c"]) {
    const response = await post(gw, { model, messages: hello });
    assert.equal(response.status, 400);
    const body: ErrorResponse = await response.json();
    assert.equal(body.error.param, "model");
    assert.ok(body.error.message.length < 300);
  }
  assert.equal(gw.fake.requests.length, 0);
});

Deno.test("create: MAX_TOKENS finishes with length, SAFETY with content_filter", async () => {
  await using gw = await startGateway();
  const cases: [string, string][] = [
    ["MAX_TOKENS", "length"],
    ["SAFETY", "content_filter"],
    ["RECITATION", "content_filter"],
    ["STOP", "stop"],
  ];
  for (const [reason, expected] of cases) {
    gw.fake.reply({
      json: {
        candidates: [{
          content: { role: "model", parts: [{ text: "Cut" }] },
          finishReason: reason,
          index: 0,
        }],
      },
    });
    const completion = valid(
      await gw.openai.chat.completions.create({ model: "gemini-3.8-flash", messages: hello }),
    );
    assert.equal(completion.choices[0].finish_reason, expected, reason);
  }
  const cut = valid(
    await gw.openai.chat.completions.create({
      model: "gemini-3.8-flash",
      messages: hello,
      max_tokens: 2,
    }),
  );
  assert.equal(cut.choices[0].finish_reason, "length");
  assert.equal(sent(gw).generationConfig?.maxOutputTokens, 2);
});

Deno.test("create stream: valid chunks of one id, role first, one finish, usage last", async () => {
  await using gw = await startGateway();
  const chunks = await collect(
    await gw.openai.chat.completions.create({
      model: "gemini-3.8-flash",
      messages: hello,
      stream: true,
      stream_options: { include_usage: true },
    }),
  );
  assert.equal(
    gw.fake.requests[0].path,
    "/v1beta/models/gemini-3.8-flash:streamGenerateContent",
  );
  assert.equal(gw.fake.requests[0].query.get("alt"), "sse");
  assert.equal(new Set(chunks.map((chunk) => chunk.id)).size, 1);
  assert.match(chunks[0].id, /^chatcmpl-/);
  assert.equal(chunks[0].choices[0].delta.role, "assistant");
  const finishes = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason));
  assert.deepEqual(finishes.slice(0, -1).filter(Boolean), []);
  assert.equal(finishes.at(-1), "stop");
  const usage = chunks.at(-1)!;
  assert.deepEqual(usage.choices, []);
  assert.ok(usage.usage && usage.usage.total_tokens > 0);
  assert.equal(
    usage.usage.total_tokens,
    usage.usage.prompt_tokens + usage.usage.completion_tokens,
  );
  assert.ok(chunks.slice(0, -1).every((chunk) => chunk.usage === null));
  const [choice] = assemble(chunks.slice(0, -1));
  assert.equal(choice.content, GREETING + "Hello there");
  assert.ok(choice.reasoning.length > 0);
  assert.equal(choice.finishReason, "stop");

  const plain = await collect(
    await gw.openai.chat.completions.create({
      model: "gemini-3.8-flash",
      messages: hello,
      stream: true,
    }),
  );
  assert.ok(plain.every((chunk) => !("usage" in chunk) && chunk.choices.length === 1));
});

Deno.test("create stream: the first chunk arrives while Gemini is still writing", async () => {
  await using gw = await startGateway();
  gw.fake.reply({
    chunks: [textChunk("One "), textChunk("two "), textChunk("three.", "STOP")],
    delayMs: 300,
  });
  const started = performance.now();
  const stream = await gw.openai.chat.completions.create({
    model: "gemini-3.8-flash",
    messages: hello,
    stream: true,
  });
  let firstContent: number | undefined;
  let text = "";
  for await (const chunk of stream) {
    assertSchema("CreateChatCompletionStreamResponse", chunk);
    const content = chunk.choices[0]?.delta.content;
    if (content && firstContent === undefined) firstContent = performance.now() - started;
    text += content ?? "";
  }
  const total = performance.now() - started;
  assert.equal(text, "One two three.");
  assert.ok(firstContent !== undefined && firstContent < 250, `first chunk at ${firstContent} ms`);
  assert.ok(total >= 600, `whole stream took ${total} ms`);
});

Deno.test("stream().finalChatCompletion() assembles the streamed answer", async () => {
  await using gw = await startGateway();
  const stream = gw.openai.chat.completions.stream({
    model: "gemini-3.8-flash",
    messages: hello,
    stream_options: { include_usage: true },
  });
  const deltas: string[] = [];
  stream.on("chunk", (chunk) => assertSchema("CreateChatCompletionStreamResponse", chunk));
  stream.on("content", (delta) => deltas.push(delta));
  const completion = await stream.finalChatCompletion();
  assert.match(completion.id, /^chatcmpl-/);
  assert.equal(completion.choices[0].message.content, GREETING + "Hello there");
  assert.equal(completion.choices[0].finish_reason, "stop");
  assert.ok(deltas.length >= 2);
  assert.ok(completion.usage && completion.usage.completion_tokens > 0);
});

Deno.test("parse() with a json_schema gets a parsed object; Gemini got the schema", async () => {
  await using gw = await startGateway();
  const schema = {
    type: "object",
    properties: {
      name: { type: "string" },
      attendees: { type: "array", items: { $ref: "#/$defs/person" } },
      day: { type: "string", enum: ["monday", "tuesday"] },
      seats: { type: "integer" },
      notes: { type: ["string", "null"] },
    },
    required: ["name", "attendees", "day", "seats", "notes"],
    additionalProperties: false,
    $defs: {
      person: {
        type: "object",
        properties: { first: { type: "string" } },
        required: ["first"],
        additionalProperties: false,
      },
    },
  };
  const completion = await gw.openai.chat.completions.parse({
    model: "gemini-3.8-flash",
    messages: [{ role: "user", content: "Alice and Bob meet on Monday." }],
    response_format: { type: "json_schema", json_schema: { name: "event", strict: true, schema } },
  });
  valid(completion);
  assert.deepEqual(completion.choices[0].message.parsed, {
    name: "example",
    attendees: [{ first: "example" }],
    day: "monday",
    seats: 1,
    notes: "example",
  });
  const request = gw.fake.requests.at(-1)!;
  assert.equal(request.path, "/v1beta/models/gemini-3.8-flash:generateContent");
  const config = (request.body as GenerateContentRequest).generationConfig!;
  assert.equal(config.responseMimeType, "application/json");
  const { $defs, ...inlined } = schema;
  assert.deepEqual(config.responseJsonSchema, {
    ...inlined,
    properties: { ...schema.properties, attendees: { type: "array", items: $defs.person } },
  });

  const plain = await gw.openai.chat.completions.parse({
    model: "gemma-3-27b-it",
    messages: [{ role: "user", content: "A colour?" }],
    response_format: {
      type: "json_schema",
      json_schema: {
        name: "colour",
        schema: {
          type: "object",
          properties: { colour: { type: "string", enum: ["red", "blue"] } },
          required: ["colour"],
          additionalProperties: false,
        },
      },
    },
  });
  valid(plain);
  assert.deepEqual(plain.choices[0].message.parsed, { colour: "red" });
  const proto = sent(gw).generationConfig!;
  assert.equal(proto.responseMimeType, "application/json");
  assert.ok(proto.responseSchema, "a legacy-family model gets the proto schema");
});

Deno.test("messages: system and developer → systemInstruction; same roles merged", async () => {
  await using gw = await startGateway();
  const completion = valid(
    await gw.openai.chat.completions.create({
      model: "gemini-3.8-flash",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "First." },
        { role: "user", content: [{ type: "text", text: "Second." }] },
        { role: "assistant", content: "Noted." },
        { role: "developer", content: "Answer in English." },
        { role: "assistant", content: "Anything else?" },
        { role: "user", content: "Third." },
      ],
    }),
  );
  assert.equal(completion.choices[0].message.content, GREETING + "Third.");
  const request = sent(gw);
  assert.deepEqual(request.systemInstruction, {
    parts: [{ text: "Be brief." }, { text: "Answer in English." }],
  });
  assert.deepEqual(request.contents, [
    { role: "user", parts: [{ text: "First." }, { text: "Second." }] },
    { role: "model", parts: [{ text: "Noted." }, { text: "Anything else?" }] },
    { role: "user", parts: [{ text: "Third." }] },
  ]);
});

Deno.test("messages: images, audio, PDF and YouTube parts reach Gemini", async () => {
  const png = Uint8Array.fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAWB8A5QAAAABJRU5ErkJggg==",
  );
  const images = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    () => new Response(png, { headers: { "content-type": "image/png" } }),
  );
  try {
    await using gw = await startGateway();
    const wav = new TextEncoder().encode("RIFF\x24\0\0\0WAVEfmt ").toBase64();
    const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n").toBase64();
    valid(
      await gw.openai.chat.completions.create({
        model: "gemini-3.8-flash",
        messages: [{
          role: "user",
          content: [
            { type: "text", text: "Describe all of these." },
            { type: "image_url", image_url: { url: `data:image/png;base64,${png.toBase64()}` } },
            {
              type: "image_url",
              image_url: { url: `http://127.0.0.1:${images.addr.port}/pixel`, detail: "low" },
            },
            { type: "input_audio", input_audio: { data: wav, format: "wav" } },
            { type: "file", file: { file_data: `data:application/pdf;base64,${pdf}` } },
            { type: "file", file: { file_data: pdf, filename: "report.pdf" } },
            {
              type: "image_url",
              image_url: { url: "https://www.youtube.com/watch?v=9hE5-98ZeCg" },
            },
          ],
        }],
      }),
    );
    assert.deepEqual(sent(gw).contents[0].parts, [
      { text: "Describe all of these." },
      { inlineData: { mimeType: "image/png", data: png.toBase64() } },
      { inlineData: { mimeType: "image/png", data: png.toBase64() } },
      { inlineData: { mimeType: "audio/wav", data: wav } },
      { inlineData: { mimeType: "application/pdf", data: pdf } },
      { inlineData: { mimeType: "application/pdf", data: pdf } },
      {
        fileData: {
          fileUri: "https://www.youtube.com/watch?v=9hE5-98ZeCg",
          mimeType: "video/mp4",
        },
      },
    ]);
  } finally {
    await images.shutdown();
  }
});

Deno.test("parameters: sampling settings reach generationConfig; unknown fields ignored", async () => {
  await using gw = await startGateway();
  const body = {
    model: "gemini-3.8-flash",
    messages: hello,
    temperature: 0.3,
    top_p: 0.9,
    max_tokens: 100,
    stop: ["END", "STOP"],
    seed: 42,
    presence_penalty: 0.5,
    frequency_penalty: -0.25,
    user: "someone",
    metadata: { run: "1" },
    store: false,
    service_tier: "auto",
    logit_bias: { "50256": -100 },
    not_an_openai_field: { anything: true },
  };
  valid(
    await gw.openai.chat.completions.create(body as OpenAI.ChatCompletionCreateParamsNonStreaming),
  );
  assert.deepEqual(sent(gw).generationConfig, {
    temperature: 0.3,
    topP: 0.9,
    maxOutputTokens: 100,
    stopSequences: ["END", "STOP"],
    seed: 42,
    thinkingConfig: { includeThoughts: true },
  });
  valid(
    await gw.openai.chat.completions.create({
      model: "gemini-3.8-flash",
      messages: hello,
      max_completion_tokens: 64,
      stop: "END",
    }),
  );
  assert.equal(sent(gw).generationConfig?.maxOutputTokens, 64);
  assert.deepEqual(sent(gw).generationConfig?.stopSequences, ["END"]);
});

Deno.test("n=2: two choices, and streamed chunks per choice index", async () => {
  await using gw = await startGateway();
  const completion = valid(
    await gw.openai.chat.completions.create({ model: "gemini-3.8-flash", messages: hello, n: 2 }),
  );
  assert.equal(sent(gw).generationConfig?.candidateCount, 2);
  assert.deepEqual(completion.choices.map((choice) => choice.index), [0, 1]);
  for (const choice of completion.choices) {
    assert.equal(choice.message.content, GREETING + "Hello there");
  }
  const chunks = await collect(
    await gw.openai.chat.completions.create({
      model: "gemini-3.8-flash",
      messages: hello,
      n: 2,
      stream: true,
    }),
  );
  assert.ok(chunks.every((chunk) => chunk.choices.length === 1));
  const choices = assemble(chunks);
  assert.equal(choices.length, 2);
  for (const choice of choices) {
    assert.equal(choice.content, GREETING + "Hello there");
    assert.equal(choice.finishReason, "stop");
  }
});

Deno.test("logprobs and top_logprobs come back per token", async () => {
  await using gw = await startGateway();
  const completion = valid(
    await gw.openai.chat.completions.create({
      model: "gemini-3.8-flash",
      messages: hello,
      logprobs: true,
      top_logprobs: 3,
    }),
  );
  const config = sent(gw).generationConfig!;
  assert.equal(config.responseLogprobs, true);
  assert.equal(config.logprobs, 3);
  const content = completion.choices[0].logprobs?.content ?? [];
  assert.ok(content.length > 0);
  assert.equal(content.map((entry) => entry.token).join(""), GREETING + "Hello there");
  for (const entry of content) {
    assert.ok(entry.logprob <= 0);
    assert.deepEqual(entry.bytes, [...new TextEncoder().encode(entry.token)]);
    assert.equal(entry.top_logprobs.length, 3);
  }

  const chunks = await collect(
    await gw.openai.chat.completions.create({
      model: "gemini-3.8-flash",
      messages: hello,
      logprobs: true,
      stream: true,
    }),
  );
  const streamed = chunks.flatMap((chunk) => chunk.choices[0]?.logprobs?.content ?? []);
  assert.ok(streamed.length >= 3, "each content chunk carries its tokens");
  assert.ok(
    chunks.filter((chunk) => chunk.choices[0]?.delta.content).every((chunk) =>
      chunk.choices[0].logprobs?.content?.length
    ),
  );
});

Deno.test("safety: five categories at BLOCK_NONE by default, overridden by google options", async () => {
  await using gw = await startGateway();
  valid(await gw.openai.chat.completions.create({ model: "gemini-3.8-flash", messages: hello }));
  assert.deepEqual(sent(gw).safetySettings, [
    { category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_NONE" },
    { category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE" },
    { category: "HARM_CATEGORY_SEXUALLY_EXPLICIT", threshold: "BLOCK_NONE" },
    { category: "HARM_CATEGORY_DANGEROUS_CONTENT", threshold: "BLOCK_NONE" },
    { category: "HARM_CATEGORY_CIVIC_INTEGRITY", threshold: "BLOCK_NONE" },
  ]);
  const overrides = [
    { category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_ONLY_HIGH" },
    { category: "dangerous_content", threshold: "block_low_and_above" },
  ];
  const expected = [
    { category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_ONLY_HIGH" },
    { category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE" },
    { category: "HARM_CATEGORY_SEXUALLY_EXPLICIT", threshold: "BLOCK_NONE" },
    { category: "HARM_CATEGORY_DANGEROUS_CONTENT", threshold: "BLOCK_LOW_AND_ABOVE" },
    { category: "HARM_CATEGORY_CIVIC_INTEGRITY", threshold: "BLOCK_NONE" },
  ];
  for (
    const extra of [
      { google: { safety_settings: overrides } },
      { extra_body: { google: { safetySettings: overrides } } },
    ]
  ) {
    valid(
      await gw.openai.chat.completions.create({
        model: "gemini-3.8-flash",
        messages: hello,
        ...extra,
      } as OpenAI.ChatCompletionCreateParamsNonStreaming),
    );
    assert.deepEqual(sent(gw).safetySettings, expected);
  }
});

Deno.test("bad input is a 400 naming the param, through the SDK and raw", async () => {
  await using gw = await startGateway();
  const cases: [Record<string, unknown>, string][] = [
    [{ messages: [{ role: "robot", content: "Hi" }] }, "messages[0].role"],
    [
      {
        messages: [{
          role: "user",
          content: [{ type: "image_url", image_url: { url: "data:image/png;base64" } }],
        }],
      },
      "messages[0].content[0].image_url.url",
    ],
    [{ messages: hello, temperature: "0.5" }, "temperature"],
    [{ messages: hello, temperature: 3 }, "temperature"],
    [
      { messages: [...hello, { role: "tool", tool_call_id: "call_nope", content: "42" }] },
      "messages[1].tool_call_id",
    ],
    [{ messages: [] }, "messages"],
    [{ messages: hello, n: 0 }, "n"],
  ];
  for (const [body, param] of cases) {
    await assert.rejects(
      gw.openai.chat.completions.create(
        { model: "gemini-3.8-flash", ...body } as unknown as OpenAI.ChatCompletionCreateParams,
      ),
      (error) => {
        assert.ok(error instanceof OpenAI.BadRequestError, String(error));
        assert.equal(error.param, param);
        assert.equal(error.type, "invalid_request_error");
        return true;
      },
    );
    const response = await post(gw, { model: "gemini-3.8-flash", ...body });
    assert.equal(response.status, 400);
    assert.match(response.headers.get("content-type") ?? "", /application\/json/);
    const error = await response.json();
    assertSchema("ErrorResponse", error);
    assert.equal(error.error.param, param);
  }
  assert.equal(gw.fake.requests.length, 0, "nothing invalid reached Gemini");

  const broken = await gw.request("/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{not json",
  });
  assert.equal(broken.status, 400);
  assertSchema("ErrorResponse", await broken.json());
});

Deno.test("an upstream error before any output keeps its status: 429 is a RateLimitError", async () => {
  await using gw = await startGateway();
  gw.fake.reply({ error: 429 });
  await assert.rejects(
    gw.openai.chat.completions.create({ model: "gemini-3.8-flash", messages: hello, stream: true }),
    (error) => {
      assert.ok(error instanceof OpenAI.RateLimitError, String(error));
      assert.equal(error.status, 429);
      return true;
    },
  );
  gw.fake.reply({ error: 429 });
  const response = await post(gw, { messages: hello, stream: true });
  assert.equal(response.status, 429);
  const body = await response.json();
  assertSchema("ErrorResponse", body);
  assert.equal(body.error.type, "rate_limit_error");

  gw.fake.reply({ error: 503 });
  await assert.rejects(
    gw.openai.chat.completions.create({ model: "gemini-3.8-flash", messages: hello }),
    (error) => error instanceof OpenAI.APIError && error.status === 503,
  );
});

Deno.test("a rejected key is a 401, an unknown model a 404, a silent Gemini a 504", async () => {
  await using gw = await startGateway({ UPSTREAM_TIMEOUT_MS: "100" });
  const stranger = new OpenAI({ apiKey: "invalid-key", baseURL: `${gw.url}/v1`, maxRetries: 0 });
  await assert.rejects(
    stranger.chat.completions.create({ model: "gemini-3.8-flash", messages: hello }),
    (error) => error instanceof OpenAI.AuthenticationError && error.code === "invalid_api_key",
  );
  await assert.rejects(
    gw.openai.chat.completions.create({ model: "gemini-0-nonexistent", messages: hello }),
    (error) => error instanceof OpenAI.NotFoundError && error.code === "model_not_found",
  );
  for (const stream of [false, true]) {
    gw.fake.reply({ hang: true });
    await assert.rejects(
      gw.openai.chat.completions.create({ model: "gemini-3.8-flash", messages: hello, stream }),
      (error) => error instanceof OpenAI.APIError && error.status === 504,
    );
  }
});

Deno.test("an upstream error after output ends the stream with an error event, no [DONE]", async () => {
  await using gw = await startGateway();
  const failure = {
    error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" },
  };
  gw.fake.reply({ chunks: [textChunk("Partial ")], error: failure });
  const stream = await gw.openai.chat.completions.create({
    model: "gemini-3.8-flash",
    messages: hello,
    stream: true,
  });
  let received = "";
  await assert.rejects(
    async () => {
      for await (const chunk of stream) {
        assertSchema("CreateChatCompletionStreamResponse", chunk);
        received += chunk.choices[0]?.delta.content ?? "";
      }
    },
    (error) => error instanceof OpenAI.APIError && error.message.includes("overloaded"),
  );
  assert.equal(received, "Partial ");

  gw.fake.reply({ chunks: [textChunk("Partial ")], error: failure });
  const response = await post(gw, { messages: hello, stream: true });
  assert.equal(response.status, 200);
  const text = await response.text();
  assert.ok(text.includes('data: {"error":'), text);
  assert.ok(!text.includes("[DONE]"));
  const events = dataEvents(text);
  for (const chunk of events.slice(0, -1)) {
    assertSchema("CreateChatCompletionStreamResponse", chunk);
  }
  const error = events.at(-1)!;
  assertSchema("ErrorResponse", error);
  assert.deepEqual(error, {
    error: {
      message: "The model is overloaded.",
      type: "api_error",
      param: null,
      code: "unavailable",
    },
  });
});

Deno.test("a Gemini silent before its headers gets a stream of keep-alives, then the error", async () => {
  await using gw = await startGateway({ KEEPALIVE_INTERVAL_MS: "50", UPSTREAM_TIMEOUT_MS: "400" });
  gw.fake.reply({ hang: true });
  const started = performance.now();
  const response = await post(gw, { messages: hello, stream: true });
  assert.equal(response.status, 200);
  assert.ok(performance.now() - started < 350, "headers are sent before Gemini answers");
  const text = await response.text();
  assert.match(text, /^: keep-alive$/m);
  const [error] = dataEvents(text) as unknown as ErrorResponse[];
  assertSchema("ErrorResponse", error);
  assert.equal(error.error.code, "upstream_timeout");
  assert.ok(!text.includes("[DONE]"));
});

Deno.test("an error as Gemini's first event is an HTTP error", async () => {
  await using gw = await startGateway();
  gw.fake.reply({
    chunks: [],
    error: { error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" } },
  });
  const response = await post(gw, { messages: hello, stream: true });
  assert.equal(response.status, 503);
  assertSchema("ErrorResponse", await response.json());
});

Deno.test("a stream Gemini stops feeding is ended with a 504 event after the timeout", async () => {
  await using gw = await startGateway({ KEEPALIVE_INTERVAL_MS: "50", UPSTREAM_TIMEOUT_MS: "300" });
  gw.fake.reply({ chunks: [textChunk("Partial "), textChunk("answer.", "STOP")], delayMs: 1500 });
  const response = await post(gw, { messages: hello, stream: true });
  assert.equal(response.status, 200);
  const text = await response.text();
  const events = dataEvents(text);
  assert.equal(events.length, 2);
  assertSchema("CreateChatCompletionStreamResponse", events[0]);
  assert.equal((events[1] as unknown as ErrorResponse).error.code, "upstream_timeout");
  assert.ok(!text.includes("[DONE]"));
});

Deno.test("keep-alive comments fill upstream silence and clients ignore them", async () => {
  await using gw = await startGateway({ KEEPALIVE_INTERVAL_MS: "50" });
  const chunks = [textChunk("Slow "), textChunk("answer.", "STOP")];
  gw.fake.reply({ chunks, delayMs: 200 });
  const response = await post(gw, { messages: hello, stream: true });
  const text = await response.text();
  assert.match(text, /^: keep-alive$/m);
  assert.ok(text.endsWith("data: [DONE]\n\n"));
  const events = dataEvents(text);
  assert.equal(events.length, 2);
  for (const chunk of events) assertSchema("CreateChatCompletionStreamResponse", chunk);

  gw.fake.reply({ chunks, delayMs: 200 });
  const streamed = await collect(
    await gw.openai.chat.completions.create({
      model: "gemini-3.8-flash",
      messages: hello,
      stream: true,
    }),
  );
  assert.equal(assemble(streamed)[0].content, "Slow answer.");
});

/**
 * A Gemini stand-in that sends one event, then stays silent until released; it records whether
 * the request was aborted.
 */
function startSilentUpstream() {
  const aborted = Promise.withResolvers<void>();
  const bodies: ReadableStreamDefaultController<Uint8Array>[] = [];
  const event = `data: ${JSON.stringify(textChunk("Never ending"))}\r\n\r\n`;
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async (request) => {
    request.signal.addEventListener("abort", () => aborted.resolve(), { once: true });
    await request.body?.cancel();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        bodies.push(controller);
        controller.enqueue(new TextEncoder().encode(event));
      },
    });
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    aborted: aborted.promise,
    /** Ends the silent bodies, so that nothing waits on them. */
    release() {
      for (const body of bodies) {
        try {
          body.close();
        } catch {
          // Already cancelled by the abort.
        }
      }
    },
    [Symbol.asyncDispose]: () => server.shutdown(),
  };
}

Deno.test("a client that goes away mid-stream aborts the upstream request", async () => {
  await using upstream = startSilentUpstream();
  await using gw = await startGateway({ GEMINI_BASE_URL: upstream.url });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const client = new AbortController();
    const response = await post(gw, { messages: hello, stream: true }, client.signal);
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    assert.match(new TextDecoder().decode(value), /Never ending/);
    client.abort();
    await reader.closed.catch(() => {});
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("the upstream request was not aborted")), 2000);
    });
    await Promise.race([upstream.aborted, timeout]);
  } finally {
    clearTimeout(timer);
    upstream.release();
  }
});
