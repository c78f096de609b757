import assert from "node:assert/strict";
import { SKIP_THOUGHT_SIGNATURE } from "../../../src/core/tool_call_id.ts";
import { GREETING, THOUGHT } from "../../../src/fake/generate.ts";
import type { GenerateContentRequest, Part } from "../../../src/gemini/types.ts";
import { unseal } from "../../../src/openai/responses/sealed.ts";
import type { OutputItem, Response } from "../../../src/openai/responses/types.ts";
import { type Gateway, sent } from "../../helpers/harness.ts";
import { assertSchema } from "../../helpers/openapi.ts";
import { assertStream, parseEvents, type SseEvent, startResponsesGateway } from "./gateway.ts";

const WEATHER = {
  type: "function",
  name: "get_weather",
  description: "The weather in a city.",
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  strict: true,
};

async function create(
  gw: Gateway,
  body: Record<string, unknown>,
  key = "test-key",
): Promise<Response> {
  const response = await gw.request("/v1/responses", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { authorization: `Bearer ${key}` },
  });
  const json = await response.json();
  assert.equal(response.status, 200, JSON.stringify(json));
  assertSchema("Response", json);
  return json;
}

async function stream(gw: Gateway, body: Record<string, unknown>): Promise<SseEvent[]> {
  const response = await gw.request("/v1/responses", {
    method: "POST",
    body: JSON.stringify({ ...body, stream: true }),
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type")!, /^text\/event-stream/);
  const events = parseEvents(await response.text());
  assertStream(events);
  return events;
}

async function failure(
  gw: Gateway,
  path: string,
  init: RequestInit,
): Promise<{ status: number; error: Record<string, unknown> }> {
  const response = await gw.request(path, init);
  const body = await response.json();
  assertSchema("ErrorResponse", body);
  return { status: response.status, error: body.error };
}

const post = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

Deno.test("a text answer: the response object, instructions as the system instruction", async () => {
  await using gw = await startResponsesGateway();
  const response = await create(gw, {
    model: "gemini-3.8-flash",
    instructions: "Be brief.",
    input: "Hello there",
    metadata: { run: "1" },
  });
  assert.match(response.id, /^resp_/);
  assert.equal(response.object, "response");
  assert.equal(response.status, "completed");
  assert.equal(response.model, "gemini-3.8-flash");
  assert.deepEqual(response.metadata, { run: "1" });
  assert.equal(response.output_text, `${GREETING}Hello there`);
  const message = response.output.find((item) => item.type === "message")!;
  assert.equal(message.type === "message" && message.content[0].text, `${GREETING}Hello there`);
  assert.ok(response.usage!.total_tokens > 0);
  assert.equal(
    response.usage!.total_tokens,
    response.usage!.input_tokens + response.usage!.output_tokens,
  );
  const request = sent(gw);
  assert.deepEqual(request.systemInstruction, { parts: [{ text: "Be brief." }] });
  assert.deepEqual(request.contents, [{ role: "user", parts: [{ text: "Hello there" }] }]);
});

Deno.test("a stream: every event named, numbered and valid; completed carries the output", async () => {
  await using gw = await startResponsesGateway();
  const events = await stream(gw, {
    model: "gemini-3.8-flash",
    input: [{ role: "user", content: [{ type: "input_text", text: "Stream this" }] }],
    reasoning: { effort: "low", summary: "auto" },
  });
  const types = events.map(({ data }) => data.type);
  assert.deepEqual(types.slice(0, 2), ["response.created", "response.in_progress"]);
  for (
    const type of [
      "response.reasoning_summary_part.added",
      "response.reasoning_summary_text.delta",
      "response.reasoning_summary_text.done",
      "response.reasoning_summary_part.done",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
    ]
  ) assert.ok(types.includes(type), type);
  const done = events.filter(({ data }) => data.type === "response.output_item.done")
    .map(({ data }) => data.item);
  const completed = events.at(-1)!.data.response as Response;
  assert.equal(completed.status, "completed");
  assert.deepEqual(completed.output, done);
  assert.deepEqual(completed.output.map((item) => item.type), ["reasoning", "message"]);
  const reasoning = completed.output[0];
  assert.equal(reasoning.type === "reasoning" && reasoning.summary[0].text, THOUGHT);
  const text = events.filter(({ data }) => data.type === "response.output_text.delta")
    .map(({ data }) => data.delta).join("");
  assert.equal(text, `${GREETING}Stream this`);
  assert.equal(completed.output_text, text);
  assert.deepEqual(sent(gw).generationConfig?.thinkingConfig, {
    thinkingLevel: "LOW",
    includeThoughts: true,
  });
});

Deno.test("a Gemini 3 tool loop: the signature comes back through call_id and reasoning", async () => {
  await using gw = await startResponsesGateway();
  for (const streaming of [false, true]) {
    const body = {
      model: "gemini-3.8-flash",
      input: "Weather in Paris?",
      tools: [WEATHER],
      include: ["reasoning.encrypted_content"],
      store: false,
    };
    const output: OutputItem[] = streaming
      ? ((await stream(gw, body)).at(-1)!.data.response as Response).output
      : (await create(gw, body)).output;
    const call = output.find((item) => item.type === "function_call");
    assert.ok(call?.type === "function_call");
    assert.equal(call.status, "completed");
    assert.equal(call.name, "get_weather");
    assert.deepEqual(JSON.parse(call.arguments), { city: "example" });
    const signature = output.flatMap((item) =>
      item.type === "reasoning" ? [unseal(item.encrypted_content).signature] : []
    )[0];
    assert.ok(signature, "the reasoning item seals the signature");

    // Codex's second turn: the whole history again, the call verbatim, then its output.
    const second = await create(gw, {
      ...body,
      input: [
        { type: "message", role: "user", content: "Weather in Paris?" },
        ...output,
        { type: "function_call_output", call_id: call.call_id, output: '{"temp":21}' },
      ],
    });
    const parts = sent(gw).contents.flatMap((content) =>
      content.parts ?? []
    );
    const sentCall = parts.find((part: Part) => part.functionCall)!;
    assert.equal(sentCall.thoughtSignature, signature);
    assert.deepEqual(parts.at(-1), {
      functionResponse: { name: "get_weather", response: { temp: 21 } },
    });
    assert.equal(second.output_text, 'The tool said: {"temp":21}');
  }
});

Deno.test("a call id without a signature gets the skip placeholder on Gemini 3", async () => {
  await using gw = await startResponsesGateway();
  await create(gw, {
    model: "gemini-3.8-flash",
    tools: [WEATHER],
    input: [
      { role: "user", content: "Weather?" },
      { type: "function_call", call_id: "call_1", name: "get_weather", arguments: "{}" },
      { type: "function_call_output", call_id: "call_1", output: "sunny" },
    ],
  });
  const model = sent(gw).contents.find((content) => content.role === "model")!;
  assert.equal(model.parts![0].thoughtSignature, SKIP_THOUGHT_SIGNATURE);
  assert.deepEqual(sent(gw).contents.at(-1)!.parts![0].functionResponse?.response, {
    result: "sunny",
  });
});

Deno.test("what Codex sends: developer prompt, namespace and web_search tools, custom tools", async () => {
  await using gw = await startResponsesGateway();
  const response = await create(gw, {
    model: "gemini-3.8-flash",
    store: false,
    stream: false,
    include: ["reasoning.encrypted_content"],
    reasoning: { summary: "auto" },
    parallel_tool_calls: true,
    prompt_cache_key: "thread-1",
    input: [
      {
        type: "message",
        id: "msg_1",
        role: "developer",
        content: [{ type: "input_text", text: "You are Codex." }],
      },
      { type: "message", id: "msg_2", role: "user", content: [{ type: "input_text", text: "Go" }] },
      { type: "some_future_item", id: "x_1" },
    ],
    tool_choice: { type: "function", name: "close_agent", namespace: "multi_agent_v1" },
    tools: [
      {
        type: "namespace",
        name: "multi_agent_v1",
        description: "Sub-agents.",
        tools: [{
          type: "function",
          name: "close_agent",
          strict: false,
          parameters: { type: "object", properties: { target: { type: "string" } } },
        }],
      },
      { type: "custom", name: "apply_patch", description: "Patches files." },
      { type: "web_search", external_web_access: true },
    ],
  });
  const request = sent(gw);
  assert.deepEqual(request.systemInstruction, { parts: [{ text: "You are Codex." }] });
  const names = request.tools?.[0].functionDeclarations?.map((fn) => fn.name);
  assert.deepEqual(names, ["multi_agent_v1.close_agent", "apply_patch"]);
  assert.equal(request.tools?.length, 1, "web_search is left out next to functions");
  assert.deepEqual(request.toolConfig, {
    functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["multi_agent_v1.close_agent"] },
  });
  const call = response.output.find((item) => item.type === "function_call");
  assert.ok(call?.type === "function_call");
  assert.equal(call.name, "close_agent");
  assert.equal(call.namespace, "multi_agent_v1");

  // The namespaced call goes back to Gemini under its flat name.
  await create(gw, {
    model: "gemini-3.8-flash",
    input: [
      { role: "user", content: "Go" },
      call,
      { type: "function_call_output", call_id: call.call_id, output: "closed" },
    ],
  });
  assert.equal(sent(gw).contents[1].parts![0].functionCall?.name, "multi_agent_v1.close_agent");

  // A custom tool: called with text input, its output sent back.
  const next = await create(gw, {
    model: "gemini-3.8-flash",
    tools: [{ type: "custom", name: "apply_patch" }],
    tool_choice: { type: "custom", name: "apply_patch" },
    input: "Now patch",
  });
  const custom = next.output.find((item) => item.type === "custom_tool_call");
  assert.ok(custom?.type === "custom_tool_call");
  assert.equal(custom.name, "apply_patch");
  assert.equal(custom.input, "example");
  await create(gw, {
    model: "gemini-3.8-flash",
    tools: [{ type: "custom", name: "apply_patch" }],
    input: [
      { role: "user", content: "patch" },
      custom,
      { type: "custom_tool_call_output", call_id: custom.call_id, output: "Done!" },
    ],
  });
  assert.deepEqual(sent(gw).contents[1].parts![0].functionCall?.args, { input: "example" });
  assert.deepEqual(sent(gw).contents[2].parts![0].functionResponse, {
    name: "apply_patch",
    response: { result: "Done!" },
  });
});

Deno.test("web_search alone is Google Search; its sources are url_citation annotations", async () => {
  await using gw = await startResponsesGateway();
  for (const streaming of [false, true]) {
    const body = { model: "gemini-3.8-flash", input: "News?", tools: [{ type: "web_search" }] };
    const response = streaming
      ? (await stream(gw, body)).at(-1)!.data.response as Response
      : await create(gw, body);
    assert.deepEqual(sent(gw).tools, [{ googleSearch: {} }]);
    const message = response.output.find((item) => item.type === "message");
    assert.ok(message?.type === "message");
    const annotations = message.content[0].annotations;
    assert.equal(annotations.length, 2);
    assert.equal(annotations[0].type, "url_citation");
    assert.equal(annotations[0].title, "example.com");
    assert.equal(annotations[0].end_index, [...message.content[0].text].length);
  }
});

Deno.test("text.format json_schema and json_object ask Gemini for JSON", async () => {
  await using gw = await startResponsesGateway();
  const schema = {
    type: "object",
    properties: { name: { type: "string" } },
    required: ["name"],
    additionalProperties: false,
  };
  const response = await create(gw, {
    model: "gemini-3.8-flash",
    input: "A name",
    text: { format: { type: "json_schema", name: "person", schema, strict: true } },
  });
  assert.deepEqual(JSON.parse(response.output_text!), { name: "example" });
  assert.equal(sent(gw).generationConfig?.responseMimeType, "application/json");
  assert.deepEqual(sent(gw).generationConfig?.responseJsonSchema, schema);
  await create(gw, { input: "JSON", text: { format: { type: "json_object" } } });
  assert.equal(sent(gw).generationConfig?.responseMimeType, "application/json");
});

Deno.test("sampling and limits: max_output_tokens cut short is incomplete", async () => {
  await using gw = await startResponsesGateway();
  const response = await create(gw, {
    model: "gemini-3.8-flash",
    input: "Tell me a long story please",
    temperature: 0.5,
    top_p: 0.9,
    max_output_tokens: 2,
  });
  assert.deepEqual(sent(gw).generationConfig?.temperature, 0.5);
  assert.deepEqual(sent(gw).generationConfig?.topP, 0.9);
  assert.equal(response.status, "incomplete");
  assert.deepEqual(response.incomplete_details, { reason: "max_output_tokens" });
  const events = await stream(gw, {
    model: "gemini-3.8-flash",
    input: "A long story please",
    max_output_tokens: 2,
  });
  assert.equal(events.at(-1)!.data.type, "response.incomplete");
});

Deno.test("retired models resolve, and the answer says which model answered", async () => {
  await using gw = await startResponsesGateway();
  const response = await gw.request(
    "/v1/responses",
    post({ model: "gemini-1.5-flash", input: "hi" }),
  );
  const body = await response.json();
  assertSchema("Response", body);
  assert.notEqual(body.model, "gemini-1.5-flash");
  assert.match(gw.fake.requests.at(-1)!.path, new RegExp(`models/${body.model}:`));
  assert.equal(
    response.headers.get("x-gateway-model-substituted"),
    `gemini-1.5-flash -> ${body.model}`,
  );
});

Deno.test("client mistakes are 400s in OpenAI's envelope; unknown item types are skipped", async () => {
  await using gw = await startResponsesGateway();
  const cases: [unknown, string][] = [
    [{ model: "gemini-3.8-flash" }, "input"],
    [{ input: 42 }, "input"],
    [{ input: [{ role: "user", content: [{ type: "input_video" }] }] }, "input[0].content[0].type"],
    [{ input: [{ role: "robot", content: "x" }] }, "input[0].role"],
    [
      { input: [{ type: "function_call_output", call_id: "nope", output: "x" }] },
      "input[0].call_id",
    ],
    [{ input: "x", tools: [{ type: "function", name: "bad name!" }] }, "tools[0].name"],
    [{ input: "x", temperature: 3 }, "temperature"],
    [{ input: "x", reasoning: { effort: "huge" } }, "reasoning.effort"],
    [{ input: "x", text: { format: { type: "yaml" } } }, "text.format.type"],
    [{ input: "x", tool_choice: { type: "function", name: "missing" } }, "tool_choice"],
    [{ input: "x", include: ["everything"] }, "include[0]"],
  ];
  for (const [body, param] of cases) {
    const { status, error } = await failure(gw, "/v1/responses", post(body));
    assert.equal(status, 400, JSON.stringify(body));
    assert.equal(error.param, param, JSON.stringify(error));
  }
  const skipped = await create(gw, {
    input: [{ type: "item_reference", id: "rs_1" }, { type: "web_search_call", id: "ws" }, {
      role: "user",
      content: "hi",
    }],
  });
  assert.equal(skipped.status, "completed");
});

Deno.test("Codex's WebSocket upgrade on GET /responses is refused with 426", async () => {
  await using gw = await startResponsesGateway();
  for (const path of ["/v1/responses", "/responses"]) {
    const { status, error } = await failure(gw, path, {
      headers: {
        upgrade: "websocket",
        connection: "Upgrade",
        "openai-beta": "responses_websockets=2026-02-06",
      },
    });
    assert.equal(status, 426);
    assert.equal(error.code, "websocket_not_supported");
  }
});

Deno.test("stored responses: retrieve, input_items, previous_response_id, delete, scoped to the key", async () => {
  await using gw = await startResponsesGateway();
  const first = await create(gw, {
    model: "gemini-3.8-flash",
    input: "My name is Ada.",
    instructions: "Be kind.",
  });
  assert.equal(first.store, true);

  const retrieved = await gw.request(`/v1/responses/${first.id}`);
  const body = await retrieved.json();
  assertSchema("Response", body);
  assert.deepEqual(body, first);

  const items = await (await gw.request(`/v1/responses/${first.id}/input_items`)).json();
  assertSchema("ResponseItemList", items);
  assert.equal(items.data.length, 1);
  assert.equal(items.data[0].content[0].text, "My name is Ada.");
  assert.equal(items.first_id, items.data[0].id);

  const second = await create(gw, {
    model: "gemini-3.8-flash",
    previous_response_id: first.id,
    input: "What is my name?",
  });
  assert.equal(second.previous_response_id, first.id);
  assert.deepEqual(sent(gw).contents.map((content) => content.role), ["user", "model", "user"]);
  assert.equal(sent(gw).contents[1].parts![0].text, first.output_text);
  assert.equal(sent(gw).systemInstruction, undefined, "instructions are not carried over");

  // Another key neither reads nor continues it.
  const other = { headers: { authorization: "Bearer other-key" } };
  assert.equal((await failure(gw, `/v1/responses/${first.id}`, other)).status, 404);
  const foreign = await failure(gw, "/v1/responses", {
    ...post({ previous_response_id: first.id, input: "hi" }),
    ...other,
  });
  assert.equal(foreign.status, 404);
  assert.equal(foreign.error.param, "previous_response_id");

  const streamed = await failure(gw, `/v1/responses/${first.id}?stream=true`, {});
  assert.equal(streamed.status, 400);
  assert.equal(streamed.error.param, "stream");

  const cancel = await failure(gw, `/v1/responses/${first.id}/cancel`, { method: "POST" });
  assert.equal(cancel.status, 400);

  const deleted = await gw.request(`/v1/responses/${first.id}`, { method: "DELETE" });
  assert.deepEqual(await deleted.json(), { id: first.id, object: "response", deleted: true });
  assert.equal((await failure(gw, `/v1/responses/${first.id}`, {})).status, 404);
  assert.equal((await failure(gw, `/v1/responses/${first.id}`, { method: "DELETE" })).status, 404);
});

Deno.test("a streamed response is stored by the time it completes; store: false keeps nothing", async () => {
  await using gw = await startResponsesGateway();
  const events = await stream(gw, { input: "Keep me" });
  const completed = events.at(-1)!.data.response as Response;
  const retrieved = await (await gw.request(`/v1/responses/${completed.id}`)).json();
  assert.deepEqual(retrieved.output, completed.output);
  const unstored = await create(gw, { input: "Forget me", store: false });
  assert.equal((await failure(gw, `/v1/responses/${unstored.id}`, {})).status, 404);
});

Deno.test("a large response is split across KV values and read back whole", async () => {
  await using gw = await startResponsesGateway();
  const long = "word ".repeat(40_000);
  const response = await create(gw, { input: long });
  const retrieved = await (await gw.request(`/v1/responses/${response.id}`)).json();
  assert.equal(retrieved.output_text, `${GREETING}${long}`);
});

Deno.test("with storage off, previous_response_id is a clear 400", async () => {
  await using gw = await startResponsesGateway({ RESPONSES_STORE: "false" });
  const response = await create(gw, { input: "hi" });
  assert.equal(response.store, false);
  const { status, error } = await failure(
    gw,
    "/v1/responses",
    post({ previous_response_id: response.id, input: "again" }),
  );
  assert.equal(status, 400);
  assert.equal(error.param, "previous_response_id");
});

Deno.test("a stream that fails midway ends with response.failed in terms Codex knows", async () => {
  await using gw = await startResponsesGateway();
  const chunk = {
    candidates: [{ content: { role: "model", parts: [{ text: "Hel" }] }, index: 0 }],
    modelVersion: "gemini-3.8-flash",
  };
  gw.fake.reply({
    chunks: [chunk],
    error: {
      error: {
        code: 429,
        message: "Resource has been exhausted.",
        status: "RESOURCE_EXHAUSTED",
        details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "7s" }],
      },
    },
  });
  const response = await gw.request("/v1/responses", post({ input: "hi", stream: true }));
  const events = parseEvents(await response.text());
  assertStream(events);
  const failed = events.at(-1)!.data.response as Response;
  assert.equal(failed.status, "failed");
  assert.equal(failed.error?.code, "rate_limit_exceeded");
  const message = failed.output[0];
  assert.ok(message.type === "message" && message.status === "incomplete");
});

Deno.test("a malformed function call and nothing else: a 502, or response.failed in a stream", async () => {
  await using gw = await startResponsesGateway();
  const malformed = {
    candidates: [{ finishReason: "MALFORMED_FUNCTION_CALL", index: 0 }],
    usageMetadata: { promptTokenCount: 3, totalTokenCount: 3 },
  };
  gw.fake.reply({ json: malformed });
  const { status, error } = await failure(gw, "/v1/responses", post({ input: "hi" }));
  assert.equal(status, 502);
  assert.match(String(error.message), /MALFORMED_FUNCTION_CALL/);
  gw.fake.reply({ chunks: [malformed] });
  const response = await gw.request("/v1/responses", post({ input: "hi", stream: true }));
  const events = parseEvents(await response.text());
  assertStream(events);
  const failed = events.at(-1)!.data.response as Response;
  assert.equal(failed.error?.code, "server_error");
});

Deno.test("a stream Gemini cuts off before its answer ends with response.failed", async () => {
  await using gw = await startResponsesGateway();
  const unfinished = {
    candidates: [{ content: { role: "model", parts: [{ text: "Half an ans" }] }, index: 0 }],
  };
  gw.fake.reply({ chunks: [unfinished] });
  const response = await gw.request("/v1/responses", post({ input: "hi", stream: true }));
  const events = parseEvents(await response.text());
  assertStream(events);
  const failed = events.at(-1)!.data.response as Response;
  assert.equal(failed.status, "failed");
  assert.equal(failed.error?.code, "server_error");
  assert.ok(failed.output[0].type === "message" && failed.output[0].status === "incomplete");
});

Deno.test("a failure before the stream starts is an HTTP error", async () => {
  await using gw = await startResponsesGateway();
  gw.fake.reply({ error: 429 });
  const { status, error } = await failure(gw, "/v1/responses", post({ input: "hi", stream: true }));
  assert.equal(status, 429);
  assert.equal(error.code, "rate_limit_exceeded");
});

/** `event` with a response error code that OpenAI's specification lists, for its schema. */
function withListedCode(event: SseEvent): SseEvent {
  const response = event.data.response as Response | undefined;
  if (!response?.error) return event;
  return {
    ...event,
    data: {
      ...event.data,
      response: { ...response, error: { ...response.error, code: "server_error" } },
    },
  };
}

Deno.test("for Codex, a full context or a daily quota before the stream is response.failed", async () => {
  await using gw = await startResponsesGateway();
  const codex = { originator: "codex_exec", "user-agent": "codex_exec/0.171.0 (Linux)" };
  const cases = [
    {
      error: {
        code: 400,
        message: "The input token count (2000000) exceeds the maximum number of tokens allowed.",
        status: "INVALID_ARGUMENT",
      },
      code: "context_length_exceeded",
      message: /input token count/,
    },
    {
      error: {
        code: 429,
        message: "You exceeded your current quota.",
        status: "RESOURCE_EXHAUSTED",
        details: [{
          "@type": "type.googleapis.com/google.rpc.QuotaFailure",
          violations: [{ quotaId: "GenerateRequestsPerDayPerProjectPerModel-FreeTier" }],
        }],
      },
      code: "insufficient_quota",
      message: /quota/,
    },
  ];
  for (const { error, code, message } of cases) {
    gw.fake.reply({ json: { error }, status: error.code });
    const response = await gw.request("/v1/responses", {
      ...post({ input: "hi", stream: true }),
      headers: { ...codex, authorization: "Bearer test-key" },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type")!, /^text\/event-stream/);
    const events = parseEvents(await response.text());
    // OpenAI's specification lists rate_limit_exceeded but not the codes only Codex matches.
    assertStream(events.map((event) => withListedCode(event)));
    assert.deepEqual(events.map(({ data }) => data.type), [
      "response.created",
      "response.in_progress",
      "response.failed",
    ]);
    const failed = events.at(-1)!.data.response as Response;
    assert.equal(failed.error?.code, code);
    assert.match(failed.error!.message, message);
  }
  // Any other failure (a rate limit Codex waits out by its retry-after), or another client, is
  // an HTTP error.
  gw.fake.reply({ error: 429 });
  const limited = await gw.request("/v1/responses", {
    ...post({ input: "hi", stream: true }),
    headers: { ...codex, authorization: "Bearer test-key" },
  });
  assert.equal(limited.status, 429);
  await limited.body?.cancel();
  gw.fake.reply({ error: 500 });
  const other = await gw.request("/v1/responses", {
    ...post({ input: "hi", stream: true }),
    headers: { ...codex, authorization: "Bearer test-key" },
  });
  assert.equal(other.status, 502);
  await other.body?.cancel();
  gw.fake.reply({ json: { error: cases[0].error }, status: 400 });
  const sdk = await gw.request("/v1/responses", post({ input: "hi", stream: true }));
  assert.equal(sdk.status, 400);
  await sdk.body?.cancel();
});

Deno.test("compaction: one compaction item sealing Gemini's summary, expanded on the next turn", async () => {
  await using gw = await startResponsesGateway();
  for (const streaming of [false, true]) {
    const body = {
      model: "gemini-3.8-flash",
      store: false,
      tools: [WEATHER],
      input: [
        { role: "user", content: "We fixed the parser." },
        { role: "assistant", content: "Yes, it works now." },
        { type: "compaction_trigger" },
      ],
    };
    const response = streaming
      ? (await stream(gw, body)).at(-1)!.data.response as Response
      : await create(gw, body);
    assert.equal(sent(gw).tools, undefined);
    assert.match(sent(gw).contents.at(-1)!.parts!.at(-1)!.text!, /summary of the conversation/);
    assert.equal(response.output.length, 1);
    const compaction = response.output[0];
    assert.ok(compaction.type === "compaction");
    assert.match(unseal(compaction.encrypted_content).summary!, /summary of the conversation/);

    await create(gw, {
      model: "gemini-3.8-flash",
      store: false,
      input: [compaction, { role: "user", content: "Next step?" }],
    });
    assert.match(sent(gw).contents[0].parts![0].text!, /^Summary of the conversation so far/);
  }
});

Deno.test("POST /responses without /v1 is the same route", async () => {
  await using gw = await startResponsesGateway();
  const response = await gw.request("/responses", post({ input: "No prefix" }));
  const body = await response.json();
  assert.equal(response.status, 200);
  assertSchema("Response", body);
  assert.equal(body.output_text, `${GREETING}No prefix`);
});

Deno.test("an image by URL is fetched and sent inline", async () => {
  await using gw = await startResponsesGateway();
  const png = Uint8Array.fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  );
  await using images = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: () => {} },
    () => new globalThis.Response(png, { headers: { "content-type": "image/png" } }),
  );
  await create(gw, {
    input: [{
      role: "user",
      content: [
        { type: "input_text", text: "What is this?" },
        { type: "input_image", image_url: `http://127.0.0.1:${images.addr.port}/a.png` },
      ],
    }],
  });
  assert.deepEqual(sent(gw).contents[0].parts![1], {
    inlineData: { mimeType: "image/png", data: png.toBase64() },
  });
});

Deno.test("images and files in the input become Gemini parts", async () => {
  await using gw = await startResponsesGateway();
  const png =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
  await create(gw, {
    input: [{
      role: "user",
      content: [
        { type: "input_text", text: "What is this?" },
        { type: "input_image", image_url: `data:image/png;base64,${png}`, detail: "auto" },
        { type: "input_file", filename: "notes.txt", file_data: btoa("some notes") },
      ],
    }],
  });
  const parts = sent(gw).contents[0].parts!;
  assert.deepEqual(parts[1], { inlineData: { mimeType: "image/png", data: png } });
  assert.equal(parts[2].inlineData?.mimeType, "text/plain");
});

Deno.test("a Gemini 3 tool loop through previous_response_id: only the output is sent", async () => {
  await using gw = await startResponsesGateway();
  const first = await create(gw, {
    model: "gemini-3.8-flash",
    input: "Weather in Oslo?",
    tools: [WEATHER],
  });
  const call = first.output.find((item) => item.type === "function_call");
  assert.ok(call?.type === "function_call");
  const second = await create(gw, {
    model: "gemini-3.8-flash",
    previous_response_id: first.id,
    tools: [WEATHER],
    input: [{ type: "function_call_output", call_id: call.call_id, output: "rainy" }],
  });
  assert.equal(second.output_text, 'The tool said: {"result":"rainy"}');
  const model = sent(gw).contents.find((content) => content.role === "model")!;
  assert.ok(model.parts![0].thoughtSignature);
  assert.notEqual(model.parts![0].thoughtSignature, SKIP_THOUGHT_SIGNATURE);
});

Deno.test("POST /responses/compact: one compaction item, as a response.compaction object", async () => {
  await using gw = await startResponsesGateway();
  const response = await gw.request(
    "/v1/responses/compact",
    post({
      model: "gemini-3.8-flash",
      input: [{ role: "user", content: "We fixed the parser." }],
    }),
  );
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  assertSchema("CompactResource", body);
  assert.equal(body.object, "response.compaction");
  assert.match(body.id, /^resp_/);
  assert.equal(body.output.length, 1);
  assert.equal(body.output[0].type, "compaction");
  assert.match(unseal(body.output[0].encrypted_content).summary!, /summary of the conversation/);
  assert.ok(body.usage.total_tokens > 0);
  assert.equal(gw.fake.requests.at(-1)!.path.endsWith(":generateContent"), true);
  const { status, error } = await failure(gw, "/v1/responses/compact", post({ input: 3 }));
  assert.equal(status, 400);
  assert.equal(error.param, "input");
});

Deno.test("POST /responses/input_tokens: Gemini's count of what the request would send", async () => {
  await using gw = await startResponsesGateway();
  const response = await gw.request(
    "/v1/responses/input_tokens",
    post({
      model: "gemini-3.8-flash",
      instructions: "Be brief.",
      input: "Count these words please",
      tools: [WEATHER],
    }),
  );
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  assertSchema("TokenCountsResource", body);
  assert.equal(body.object, "response.input_tokens");
  assert.ok(body.input_tokens > 0);
  const request = gw.fake.requests.at(-1)!;
  assert.match(request.path, /models\/gemini-3\.8-flash:countTokens$/);
  const counted = (request.body as { generateContentRequest: GenerateContentRequest })
    .generateContentRequest;
  assert.deepEqual(counted.systemInstruction, { parts: [{ text: "Be brief." }] });
  assert.equal(counted.tools?.[0].functionDeclarations?.[0].name, "get_weather");
  const { status, error } = await failure(gw, "/v1/responses/input_tokens", post({ input: 3 }));
  assert.equal(status, 400);
  assert.equal(error.param, "input");
});
