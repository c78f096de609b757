import assert from "node:assert/strict";
import { Ollama } from "npm:ollama@0.6.4";
import { ChatOllama, OllamaEmbeddings } from "npm:@langchain/ollama@1.3.0";
import { tool } from "npm:@langchain/core@1.4.0/tools";
import { HumanMessage, ToolMessage } from "npm:@langchain/core@1.4.0/messages";
import { GREETING, THOUGHT } from "../../src/fake/generate.ts";
import { SKIP_THOUGHT_SIGNATURE } from "../../src/core/tool_call_id.ts";
import { SUBSTITUTION_HEADER } from "../../src/core/model_name.ts";
import { type Gateway, sent, startGateway } from "../helpers/harness.ts";

/** A current Gemini 3 model (thinking levels, thought signatures). */
const MODEL = "gemini-3.8-flash";

/** The ollama npm client pointed at the gateway, without a key (the server's pool serves it). */
function ollama(gw: Gateway): Ollama {
  return new Ollama({ host: gw.url });
}

/** A gateway that holds a key, as the Ollama clients send none. */
function startWithServerKey(): Promise<Gateway> {
  return startGateway({ GEMINI_API_KEYS: "server-key" });
}

const WEATHER_TOOL = {
  type: "function",
  function: {
    name: "get_weather",
    description: "The weather in a city.",
    parameters: {
      type: "object" as const,
      properties: { city: { type: "string" as const } },
      required: ["city"],
    },
  },
};

/** The bytes of a PNG signature and header, enough to be recognised as one. */
const PNG = Uint8Array.fromBase64("iVBORw0KGgoAAAANSUhEUg==");

Deno.test("ollama npm: chat without streaming, with a tagged model name", async () => {
  await using gw = await startWithServerKey();
  const response = await ollama(gw).chat({
    model: `${MODEL}:latest`,
    messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hello" }],
    options: { temperature: 0.3, num_predict: 100, num_ctx: 8192, top_k: 20 },
    keep_alive: "10m",
  });
  assert.equal(response.model, `${MODEL}:latest`);
  assert.equal(response.message.role, "assistant");
  assert.equal(response.message.content, GREETING + "Hello");
  assert.equal(response.done, true);
  assert.equal(response.done_reason, "stop");
  assert.ok(response.prompt_eval_count > 0 && response.eval_count > 0);
  assert.ok(response.total_duration >= response.load_duration);
  assert.ok(Number.isInteger(response.eval_duration) && response.eval_duration > 0);
  const request = sent(gw);
  assert.equal(gw.fake.requests.at(-1)!.path, `/v1beta/models/${MODEL}:generateContent`);
  assert.deepEqual(request.systemInstruction, { parts: [{ text: "Be brief." }] });
  assert.deepEqual(request.generationConfig?.temperature, 0.3);
  assert.equal(request.generationConfig?.maxOutputTokens, 100);
  assert.equal(request.generationConfig?.topK, 20);
});

Deno.test("ollama npm: chat streams NDJSON by default, thinking before the answer", async () => {
  await using gw = await startWithServerKey();
  const stream = await ollama(gw).chat({
    model: MODEL,
    messages: [{ role: "user", content: "Stream to me" }],
    stream: true,
    think: "low",
  });
  let content = "";
  let thinking = "";
  let last;
  let parts = 0;
  for await (const part of stream) {
    content += part.message.content;
    thinking += part.message.thinking ?? "";
    parts++;
    last = part;
  }
  assert.ok(parts >= 3, "the answer arrives in pieces");
  assert.equal(content, GREETING + "Stream to me");
  assert.equal(thinking, THOUGHT);
  assert.equal(last?.done, true);
  assert.equal(last?.done_reason, "stop");
  assert.ok((last?.eval_count ?? 0) > 0);
  assert.equal(gw.fake.requests[0].query.get("alt"), "sse");
  assert.deepEqual(sent(gw).generationConfig?.thinkingConfig, {
    thinkingLevel: "LOW",
    includeThoughts: true,
  });
});

Deno.test("ollama npm: a tool round trip on Gemini 3 keeps the thought signature", async () => {
  await using gw = await startWithServerKey();
  const client = ollama(gw);
  const messages = [{ role: "user", content: "What is the weather in Lisbon?" }];
  const first = await client.chat({ model: MODEL, messages, tools: [WEATHER_TOOL] });
  const calls = first.message.tool_calls ?? [];
  assert.equal(calls.length, 1);
  assert.equal(calls[0].function.name, "get_weather");
  assert.deepEqual(calls[0].function.arguments, { city: "example" });
  assert.match(
    (calls[0] as { id?: string }).id ?? "",
    /^call_\w+_ts_[\w-]+$/,
    "the id carries the signature",
  );
  messages.push(first.message);
  messages.push({ role: "tool", content: '{"celsius": 19}', tool_name: "get_weather" } as never);
  const second = await client.chat({ model: MODEL, messages, tools: [WEATHER_TOOL] });
  assert.equal(second.message.content, 'The tool said: {"celsius":19}');
  const [, model, answer] = sent(gw).contents;
  const call = model.parts!.find((part) => part.functionCall)!;
  assert.deepEqual(call.functionCall, { name: "get_weather", args: { city: "example" } });
  assert.ok(call.thoughtSignature && call.thoughtSignature !== SKIP_THOUGHT_SIGNATURE);
  assert.deepEqual(answer.parts, [{
    functionResponse: { name: "get_weather", response: { celsius: 19 } },
  }]);
});

Deno.test("ollama npm: streamed tool calls come whole, arguments as an object", async () => {
  await using gw = await startWithServerKey();
  const stream = await ollama(gw).chat({
    model: MODEL,
    messages: [{ role: "user", content: "Weather, in parallel please." }],
    tools: [WEATHER_TOOL, {
      ...WEATHER_TOOL,
      function: { ...WEATHER_TOOL.function, name: "get_time" },
    }],
    stream: true,
  });
  const calls = [];
  for await (const part of stream) calls.push(...(part.message.tool_calls ?? []));
  assert.deepEqual(
    calls.map((call) => [call.function.name, call.function.arguments]),
    [["get_weather", { city: "example" }], ["get_time", { city: "example" }]],
  );
  // Gemini 3 signs the first call of a turn: its id carries the signature back.
  assert.match((calls[0] as { id?: string }).id ?? "", /^call_\w+_ts_[\w-]+$/);
});

Deno.test("ollama npm: images are sent as inline data of the sniffed type", async () => {
  await using gw = await startWithServerKey();
  const response = await ollama(gw).chat({
    model: MODEL,
    messages: [{ role: "user", content: "What is this?", images: [PNG] }],
  });
  assert.equal(response.message.content, GREETING + "What is this?");
  assert.deepEqual(sent(gw).contents[0].parts, [
    { text: "What is this?" },
    { inlineData: { mimeType: "image/png", data: PNG.toBase64() } },
  ]);
});

Deno.test("ollama npm: format with a JSON Schema gives structured output", async () => {
  await using gw = await startWithServerKey();
  const schema = {
    type: "object",
    properties: { name: { type: "string" }, age: { type: "integer" } },
    required: ["name", "age"],
  };
  const response = await ollama(gw).chat({
    model: MODEL,
    messages: [{ role: "user", content: "Tell me about Ada." }],
    format: schema,
  });
  assert.deepEqual(JSON.parse(response.message.content), { name: "example", age: 1 });
  const config = sent(gw).generationConfig;
  assert.equal(config?.responseMimeType, "application/json");
  assert.deepEqual(config?.responseJsonSchema, schema);
});

Deno.test("ollama npm: think false asks for the least thinking and returns none", async () => {
  await using gw = await startWithServerKey();
  const response = await ollama(gw).chat({
    model: MODEL,
    messages: [{ role: "user", content: "Quick" }],
    think: false,
  });
  assert.equal(response.message.thinking, undefined);
  assert.deepEqual(sent(gw).generationConfig?.thinkingConfig, { thinkingLevel: "LOW" });
});

Deno.test("ollama npm: generate, streamed and whole, with system, format json and images", async () => {
  await using gw = await startWithServerKey();
  const client = ollama(gw);
  const whole = await client.generate({
    model: MODEL,
    prompt: "Hi there",
    system: "Be kind.",
    format: "json",
  });
  assert.equal(whole.response, "{}");
  assert.equal(whole.done, true);
  assert.equal(whole.done_reason, "stop");
  assert.deepEqual(sent(gw).systemInstruction, { parts: [{ text: "Be kind." }] });
  assert.equal(sent(gw).generationConfig?.responseMimeType, "application/json");

  const stream = await client.generate({ model: MODEL, prompt: "Stream it", stream: true });
  let text = "";
  let done = false;
  for await (const part of stream) {
    text += part.response;
    done = part.done;
  }
  assert.equal(text, GREETING + "Stream it");
  assert.ok(done);

  const described = await client.generate({ model: MODEL, prompt: "Describe", images: [PNG] });
  assert.equal(described.response, GREETING + "Describe");
  assert.deepEqual(sent(gw).contents, [{
    role: "user",
    parts: [{ text: "Describe" }, { inlineData: { mimeType: "image/png", data: PNG.toBase64() } }],
  }]);
});

Deno.test("ollama npm: embed and the legacy embeddings", async () => {
  await using gw = await startWithServerKey();
  const client = ollama(gw);
  const response = await client.embed({
    model: "gemini-embedding-001",
    input: ["first", "second"],
    dimensions: 8,
  });
  assert.equal(response.model, "gemini-embedding-001");
  assert.equal(response.embeddings.length, 2);
  for (const vector of response.embeddings) {
    assert.equal(vector.length, 8);
    assert.ok(Math.abs(Math.hypot(...vector) - 1) < 1e-6, "vectors are of unit length");
  }
  assert.equal(sent(gw).contents, undefined);
  const legacy = await client.embeddings({ model: "gemini-embedding-001", prompt: "one" });
  assert.equal(legacy.embedding.length, 3072);
});

Deno.test("ollama npm: list, show, ps, version and pull", async () => {
  await using gw = await startWithServerKey();
  const client = ollama(gw);
  const { models } = await client.list();
  const listed = models.find((model) => model.name === `${MODEL}:latest`);
  assert.ok(listed);
  assert.equal(listed.model, MODEL);
  assert.equal(listed.details.family, "gemini");
  assert.equal(typeof listed.details.parameter_size, "string");
  assert.ok(models.some((model) => model.name === "gemini-embedding-001:latest"));
  assert.ok(!models.some((model) => model.name.startsWith("imagen-")));

  const shown = await client.show({ model: `${MODEL}:latest` });
  assert.deepEqual(shown.capabilities, ["completion", "tools", "vision", "thinking"]);
  const info = shown.model_info as unknown as Record<string, unknown>;
  assert.equal(info["general.architecture"], "gemini");
  assert.equal(info["gemini.context_length"], 1048576);
  assert.ok(!shown.template.includes(".Suffix"));
  const embedding = await client.show({ model: "gemini-embedding-001" });
  assert.deepEqual(embedding.capabilities, ["embedding"]);
  assert.equal(
    (embedding.model_info as unknown as Record<string, unknown>)["gemini.embedding_length"],
    3072,
  );

  const running = await client.ps();
  assert.ok(running.models.some((model) => model.name === `${MODEL}:latest`));
  const { version } = await client.version();
  const [major, minor, patch] = version.split(".").map(Number);
  assert.ok(major > 0 || minor > 6 || (minor === 6 && patch >= 4), "Copilot wants >= 0.6.4");

  const statuses = [];
  for await (const progress of await client.pull({ model: MODEL, stream: true })) {
    statuses.push(progress.status);
  }
  assert.equal(statuses.at(-1), "success");
  await assert.rejects(client.pull({ model: "not-a-model" }), /model 'not-a-model' not found/);
});

Deno.test("ollama npm: an unknown model is Ollama's 404, a retired one is answered", async () => {
  await using gw = await startWithServerKey();
  const client = ollama(gw);
  await assert.rejects(
    client.chat({ model: "llama3:8b", messages: [{ role: "user", content: "hi" }] }),
    (error: Error & { status_code?: number }) => {
      assert.equal(error.message, "model 'llama3:8b' not found");
      assert.equal(error.status_code, 404);
      return true;
    },
  );
  const response = await client.chat({
    model: "gemini-1.5-flash:latest",
    messages: [{ role: "user", content: "hi" }],
  });
  assert.equal(response.model, "gemini-3.6-flash");
  assert.equal(gw.fake.requests.at(-1)!.path, "/v1beta/models/gemini-3.6-flash:generateContent");
  const raw = await gw.request("/api/chat", {
    method: "POST",
    body: JSON.stringify({ model: "gemini-1.5-flash", messages: [], stream: false }),
  });
  assert.equal(raw.headers.get(SUBSTITUTION_HEADER), "gemini-1.5-flash -> gemini-3.6-flash");
  assert.equal((await raw.json()).done_reason, "load");
});

Deno.test("LangChain ChatOllama: invoke, stream and a bound tool", async () => {
  await using gw = await startWithServerKey();
  const chat = new ChatOllama({ baseUrl: gw.url, model: MODEL, temperature: 0.2 });
  const answer = await chat.invoke([new HumanMessage("Hello LangChain")]);
  assert.equal(answer.content, GREETING + "Hello LangChain");
  assert.ok((answer.usage_metadata?.input_tokens ?? 0) > 0);
  assert.equal(sent(gw).generationConfig?.temperature, 0.2);

  const pieces: string[] = [];
  for await (const chunk of await chat.stream("Stream LangChain")) {
    if (typeof chunk.content === "string" && chunk.content) pieces.push(chunk.content);
  }
  assert.ok(pieces.length >= 2);
  assert.equal(pieces.join(""), GREETING + "Stream LangChain");

  const weather = tool(({ city }: { city: string }) => `sunny in ${city}`, {
    name: "get_weather",
    description: "The weather in a city.",
    schema: WEATHER_TOOL.function.parameters,
  });
  const withTools = chat.bindTools([weather]);
  const question = new HumanMessage("Weather in Lisbon?");
  const call = await withTools.invoke([question]);
  assert.equal(call.tool_calls?.length, 1);
  assert.equal(call.tool_calls![0].name, "get_weather");
  assert.deepEqual(call.tool_calls![0].args, { city: "example" });
  // LangChain sends the result back without the call's name or id: it answers the open call.
  const result = new ToolMessage({ content: "sunny", tool_call_id: call.tool_calls![0].id! });
  const final = await withTools.invoke([question, call, result]);
  assert.equal(final.content, 'The tool said: {"result":"sunny"}');
  const [, model, answerTurn] = sent(gw).contents;
  // LangChain keeps no id, so the signature is lost and the skip placeholder stands in.
  assert.equal(model.parts![0].thoughtSignature, SKIP_THOUGHT_SIGNATURE);
  assert.deepEqual(answerTurn.parts, [{
    functionResponse: { name: "get_weather", response: { result: "sunny" } },
  }]);
});

Deno.test("LangChain OllamaEmbeddings: documents and a query", async () => {
  await using gw = await startWithServerKey();
  const embeddings = new OllamaEmbeddings({ baseUrl: gw.url, model: "gemini-embedding-001" });
  const vectors = await embeddings.embedDocuments(["a", "b", "c"]);
  assert.equal(vectors.length, 3);
  assert.equal(vectors[0].length, 3072);
  const query = await embeddings.embedQuery("q");
  assert.equal(query.length, 3072);
});

Deno.test("LangChain ChatOllama: structured output by JSON Schema, and thinking", async () => {
  await using gw = await startWithServerKey();
  const chat = new ChatOllama({ baseUrl: gw.url, model: `${MODEL}:latest`, think: true });
  const schema = {
    type: "object",
    properties: { name: { type: "string" }, age: { type: "integer" } },
    required: ["name", "age"],
  };
  const person = await chat.withStructuredOutput(schema).invoke("Tell me about Ada.");
  assert.deepEqual(person, { name: "example", age: 1 });
  const config = sent(gw).generationConfig;
  assert.equal(config?.responseMimeType, "application/json");
  assert.deepEqual(config?.responseJsonSchema, schema);
  assert.equal(config?.thinkingConfig?.includeThoughts, true);

  const answer = await chat.invoke("Think first.");
  assert.equal(answer.content, GREETING + "Think first.");
  assert.equal(answer.additional_kwargs.reasoning_content, THOUGHT);
  assert.equal(answer.response_metadata.done_reason, "stop");
});
