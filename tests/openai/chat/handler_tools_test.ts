import assert from "node:assert/strict";
import OpenAI from "npm:openai@7.57.0";
import { decodeToolCallId, SKIP_THOUGHT_SIGNATURE } from "../../../src/core/tool_call_id.ts";
import { GREETING, THOUGHT } from "../../../src/fake/generate.ts";
import type { Part } from "../../../src/gemini/types.ts";
import type {
  ChatCompletionMessageToolCall,
  CreateChatCompletionStreamResponse,
} from "../../../src/openai/types.ts";
import { sent, startGateway } from "../../helpers/harness.ts";
import { assertSchema, collect, valid } from "../../helpers/openapi.ts";
import { assemble } from "./replay.ts";

type Chunk = CreateChatCompletionStreamResponse;
type Message = OpenAI.ChatCompletionMessageParam;

/** A function tool taking one required string. */
function tool(name: string, property: string): OpenAI.ChatCompletionFunctionTool {
  return {
    type: "function",
    function: {
      name,
      description: `Looks up the ${property}.`,
      parameters: {
        type: "object",
        properties: { [property]: { type: "string" } },
        required: [property],
      },
    },
  };
}

const tools = [tool("get_weather", "city"), tool("get_time", "zone")];

/** The tool calls of a message, as the gateway sent them (with `extra_content`). */
function callsOf(message: OpenAI.ChatCompletionMessage): ChatCompletionMessageToolCall[] {
  return (message.tool_calls ?? []) as unknown as ChatCompletionMessageToolCall[];
}

/** An assistant message holding only the standard fields of `calls`, with ids from `id`. */
function standardCalls(
  calls: ChatCompletionMessageToolCall[],
  id: (call: ChatCompletionMessageToolCall, index: number) => string = (call) => call.id,
): Message {
  return {
    role: "assistant",
    content: null,
    tool_calls: calls.map((call, index) => ({
      id: id(call, index),
      type: "function" as const,
      function: { name: call.function.name, arguments: call.function.arguments },
    })),
  };
}

Deno.test("parallel tool calls, whole: own ids, tool_calls finish, null content", async () => {
  await using gw = await startGateway();
  const cases: Partial<OpenAI.ChatCompletionCreateParamsNonStreaming>[] = [
    { messages: [{ role: "user", content: "Weather and time, in parallel please." }] },
    { messages: [{ role: "user", content: "Weather and time." }], tool_choice: "required" },
  ];
  for (const extra of cases) {
    const completion = valid(
      await gw.openai.chat.completions.create({
        model: "gemini-3.8-flash",
        messages: [],
        tools,
        ...extra,
      }),
    );
    const [choice] = completion.choices;
    assert.equal(choice.finish_reason, "tool_calls");
    assert.equal(choice.message.content, null);
    const calls = callsOf(choice.message);
    assert.deepEqual(calls.map((call) => call.function.name), ["get_weather", "get_time"]);
    assert.deepEqual(calls.map((call) => JSON.parse(call.function.arguments)), [
      { city: "example" },
      { zone: "example" },
    ]);
    assert.ok(calls.every((call) => call.type === "function" && /^call_/.test(call.id)));
    assert.equal(new Set(calls.map((call) => call.id)).size, 2);
  }
  assert.equal(sent(gw).toolConfig?.functionCallingConfig?.mode, "ANY");
});

Deno.test("parallel tool calls, streamed: indexed deltas, name once, tool_calls finish", async () => {
  await using gw = await startGateway();
  const chunks = await collect(
    await gw.openai.chat.completions.create({
      model: "gemini-3.8-flash",
      messages: [{ role: "user", content: "Weather and time, in parallel please." }],
      tools,
      stream: true,
    }),
  );
  const seen = new Set<number>();
  for (const chunk of chunks) {
    for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
      assert.ok(Number.isInteger(call.index));
      if (seen.has(call.index)) {
        assert.equal(call.function?.name, undefined);
        assert.equal(call.id, undefined);
      } else {
        seen.add(call.index);
        assert.match(call.id ?? "", /^call_/);
        assert.equal(call.type, "function");
        assert.ok(call.function?.name);
      }
    }
  }
  assert.deepEqual([...seen], [0, 1]);
  const [choice] = assemble(chunks);
  assert.equal(choice.finishReason, "tool_calls");
  assert.equal(choice.content, "");
  assert.deepEqual(choice.toolCalls.map((call) => call.function.name), ["get_weather", "get_time"]);
  assert.deepEqual(JSON.parse(choice.toolCalls[1].function.arguments), { zone: "example" });
  assert.notEqual(choice.toolCalls[0].id, choice.toolCalls[1].id);
  assert.equal(chunks.at(-1)?.choices[0].finish_reason, "tool_calls");
});

Deno.test("parallel_tool_calls: false keeps only the first call, whole and streamed", async () => {
  await using gw = await startGateway();
  const request = {
    model: "gemini-3.8-flash",
    messages: [{ role: "user" as const, content: "Weather and time, in parallel please." }],
    tools,
    parallel_tool_calls: false,
  };
  const completion = valid(await gw.openai.chat.completions.create(request));
  assert.deepEqual(callsOf(completion.choices[0].message).map((call) => call.function.name), [
    "get_weather",
  ]);
  assert.equal(completion.choices[0].finish_reason, "tool_calls");
  const chunks = await collect(
    await gw.openai.chat.completions.create({ ...request, stream: true }),
  );
  const [choice] = assemble(chunks);
  assert.deepEqual(choice.toolCalls.map((call) => call.function.name), ["get_weather"]);
  assert.equal(choice.finishReason, "tool_calls");
});

Deno.test("stream().finalChatCompletion() assembles parallel tool calls", async () => {
  await using gw = await startGateway();
  const stream = gw.openai.chat.completions.stream({
    model: "gemini-3-pro-preview",
    messages: [{ role: "user", content: "Weather and time, in parallel please." }],
    tools,
  });
  stream.on("chunk", (chunk) => assertSchema("CreateChatCompletionStreamResponse", chunk));
  const completion = await stream.finalChatCompletion();
  const [choice] = completion.choices;
  assert.equal(choice.finish_reason, "tool_calls");
  const calls = callsOf(choice.message);
  assert.deepEqual(calls.map((call) => call.function.name), ["get_weather", "get_time"]);
  assert.deepEqual(JSON.parse(calls[0].function.arguments), { city: "example" });
  assert.ok(decodeToolCallId(calls[0].id), "the id carries the signature");
});

Deno.test("runTools runs a two-step tool loop to the final answer", async () => {
  await using gw = await startGateway();
  const asked: string[] = [];
  const runner = gw.openai.chat.completions.runTools({
    model: "gemini-3.8-flash",
    messages: [{ role: "user", content: "What is the weather in Paris?" }],
    tools: [{
      type: "function",
      function: {
        name: "get_weather",
        description: "Weather of a city.",
        parameters: {
          type: "object",
          properties: { city: { type: "string" } },
          required: ["city"],
        },
        parse: JSON.parse,
        function: ({ city }: { city: string }) => {
          asked.push(city);
          return { city, celsius: 21 };
        },
      },
    }],
  });
  const content = await runner.finalContent();
  assert.deepEqual(asked, ["example"]);
  assert.equal(content, 'The tool said: {"city":"example","celsius":21}');
  for (const completion of runner.allChatCompletions()) valid(completion);
  assert.equal(gw.fake.requests.length, 2);
  const [, model, user] = sent(gw).contents;
  const [{ thoughtSignature, ...call }] = model.parts!;
  assert.ok(thoughtSignature, "Gemini 3 needs its signature back");
  assert.deepEqual(call, { functionCall: { name: "get_weather", args: { city: "example" } } });
  assert.deepEqual(user, {
    role: "user",
    parts: [{
      functionResponse: { name: "get_weather", response: { city: "example", celsius: 21 } },
    }],
  });
});

Deno.test("runTools with stream: true loops over streamed calls on Gemini 3", async () => {
  await using gw = await startGateway();
  const runner = gw.openai.chat.completions.runTools({
    model: "gemini-3-pro-preview",
    messages: [{ role: "user", content: "Weather and time, in parallel please." }],
    stream: true,
    tools: [
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Weather of a city.",
          parameters: { type: "object", properties: { city: { type: "string" } } },
          parse: JSON.parse,
          function: (args: object) => ({ get_weather: args }),
        },
      },
      {
        type: "function",
        function: {
          name: "get_time",
          description: "Time in a zone.",
          parameters: { type: "object", properties: { zone: { type: "string" } } },
          parse: JSON.parse,
          function: (args: object) => ({ get_time: args }),
        },
      },
    ],
  });
  runner.on("chunk", (chunk) => assertSchema("CreateChatCompletionStreamResponse", chunk));
  const content = await runner.finalContent();
  assert.equal(
    content,
    'The tool said: {"get_weather":{"city":"example"}}, {"get_time":{"zone":"example"}}',
  );
  assert.equal(gw.fake.requests.length, 2);
  const [, model] = sent(gw).contents;
  assert.equal(model.parts?.length, 2);
  assert.ok(model.parts![0].thoughtSignature);
  assert.notEqual(model.parts![0].thoughtSignature, SKIP_THOUGHT_SIGNATURE);
});

Deno.test("tool_choice in all four forms becomes functionCallingConfig", async () => {
  await using gw = await startGateway();
  const cases: [OpenAI.ChatCompletionToolChoiceOption, object, string[]][] = [
    ["none", { mode: "NONE" }, []],
    ["auto", { mode: "AUTO" }, ["get_weather"]],
    ["required", { mode: "ANY" }, ["get_weather", "get_time"]],
    [
      { type: "function", function: { name: "get_time" } },
      { mode: "ANY", allowedFunctionNames: ["get_time"] },
      ["get_time"],
    ],
  ];
  for (const [choice, config, called] of cases) {
    const completion = valid(
      await gw.openai.chat.completions.create({
        model: "gemini-3.8-flash",
        messages: [{ role: "user", content: "Now?" }],
        tools,
        tool_choice: choice,
      }),
    );
    assert.deepEqual(sent(gw).toolConfig, { functionCallingConfig: config });
    const names = callsOf(completion.choices[0].message).map((call) => call.function.name);
    assert.deepEqual(names, called);
  }
  await assert.rejects(
    gw.openai.chat.completions.create({
      model: "gemini-3.8-flash",
      messages: [{ role: "user", content: "Now?" }],
      tools,
      tool_choice: { type: "function", function: { name: "get_date" } },
    }),
    (error) => error instanceof OpenAI.BadRequestError && error.param === "tool_choice",
  );
});

Deno.test("Gemini 3: the signature returns through the tool call id alone", async () => {
  await using gw = await startGateway();
  const model = "gemini-3-pro-preview";
  const question: Message = { role: "user", content: "What is the weather in Oslo?" };
  const first = valid(
    await gw.openai.chat.completions.create({ model, messages: [question], tools }),
  );
  const [call] = callsOf(first.choices[0].message);
  const signature = call.extra_content?.google?.thought_signature;
  assert.ok(signature);
  assert.equal(decodeToolCallId(call.id), signature);

  const answer: Message = { role: "tool", tool_call_id: call.id, content: '{"celsius": 4}' };
  const second = valid(
    await gw.openai.chat.completions.create({
      model,
      messages: [question, standardCalls([call]), answer],
      tools,
    }),
  );
  assert.equal(second.choices[0].message.content, 'The tool said: {"celsius":4}');
  const sentCall = sent(gw).contents[1].parts![0];
  assert.deepEqual(sentCall, {
    functionCall: { name: "get_weather", args: { city: "example" } },
    thoughtSignature: signature,
  });

  const renamed = valid(
    await gw.openai.chat.completions.create({
      model,
      messages: [
        question,
        standardCalls([call], () => "call_1"),
        { role: "tool", tool_call_id: "call_1", content: '{"celsius": 4}' },
      ],
      tools,
    }),
  );
  assert.equal(renamed.choices[0].message.content, 'The tool said: {"celsius":4}');
  assert.equal(sent(gw).contents[1].parts![0].thoughtSignature, SKIP_THOUGHT_SIGNATURE);
});

Deno.test("Gemini 3: parallel streamed calls keep the first call's signature", async () => {
  await using gw = await startGateway();
  const model = "gemini-3-pro-preview";
  const question: Message = { role: "user", content: "Weather and time, in parallel." };
  const chunks = await collect(
    await gw.openai.chat.completions.create({ model, messages: [question], tools, stream: true }),
  );
  const [choice] = assemble(chunks);
  assert.equal(choice.finishReason, "tool_calls");
  assert.equal(choice.toolCalls.length, 2);
  const signature = choice.toolCalls[0].extra_content?.google?.thought_signature;
  assert.ok(signature);
  const answers: Message[] = choice.toolCalls.map((call) => ({
    role: "tool",
    tool_call_id: call.id,
    content: "ok",
  }));
  const final = await collect(
    await gw.openai.chat.completions.create({
      model,
      messages: [question, standardCalls(choice.toolCalls), ...answers.reverse()],
      tools,
      stream: true,
    }),
  );
  assert.equal(assemble(final)[0].content, 'The tool said: {"result":"ok"}, {"result":"ok"}');
  const parts = sent(gw).contents[1].parts as Part[];
  assert.equal(parts[0].thoughtSignature, signature);
  assert.deepEqual(
    sent(gw).contents[2].parts!.map((part) => part.functionResponse?.name),
    ["get_weather", "get_time"],
  );
});

Deno.test("reasoning_effort high: thinkingConfig upstream, reasoning before content", async () => {
  await using gw = await startGateway();
  const request = {
    model: "gemini-3.8-flash",
    messages: [{ role: "user" as const, content: "Think hard." }],
    reasoning_effort: "high" as const,
  };
  const completion = valid(await gw.openai.chat.completions.create(request));
  assert.deepEqual(sent(gw).generationConfig?.thinkingConfig, {
    thinkingLevel: "HIGH",
    includeThoughts: true,
  });
  const message = completion.choices[0].message as OpenAI.ChatCompletionMessage & {
    reasoning_content?: string;
  };
  assert.equal(message.reasoning_content, THOUGHT);
  assert.equal(message.content, GREETING + "Think hard.");
  assert.ok((completion.usage?.completion_tokens_details?.reasoning_tokens ?? 0) > 0);

  const chunks = await collect(
    await gw.openai.chat.completions.create({
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    }),
  );
  let answering = false;
  let reasoningDeltas = 0;
  for (const chunk of chunks) {
    const delta = chunk.choices[0]?.delta;
    if (delta?.content) answering = true;
    if (delta?.reasoning_content) {
      reasoningDeltas++;
      assert.ok(!answering, "reasoning comes before content");
      assert.equal(delta.content, undefined);
    }
  }
  assert.ok(reasoningDeltas > 0);
  const [choice] = assemble(chunks.slice(0, -1));
  assert.equal(choice.reasoning, THOUGHT);
  assert.equal(choice.content, GREETING + "Think hard.");
  assert.ok(!choice.content.includes("Thinking"));
  const usage = chunks.at(-1)!.usage!;
  assert.equal(
    usage.completion_tokens_details?.reasoning_tokens,
    completion.usage?.completion_tokens_details?.reasoning_tokens,
  );
});

Deno.test("reasoning_effort with a thinking_config is a 400 naming reasoning_effort", async () => {
  await using gw = await startGateway();
  await assert.rejects(
    gw.openai.chat.completions.create({
      model: "gemini-3.8-flash",
      messages: [{ role: "user", content: "Think." }],
      reasoning_effort: "low",
      google: { thinking_config: { thinking_budget: 1024 } },
    } as OpenAI.ChatCompletionCreateParamsNonStreaming),
    (error) => {
      assert.ok(error instanceof OpenAI.BadRequestError);
      assert.equal(error.param, "reasoning_effort");
      return true;
    },
  );
  assert.equal(gw.fake.requests.length, 0);
});

Deno.test("web_search_options: googleSearch upstream, url_citation annotations back", async () => {
  await using gw = await startGateway();
  const request = {
    model: "gemini-3.8-flash",
    messages: [{ role: "user" as const, content: "Who won the match?" }],
    web_search_options: {},
  };
  const completion = valid(await gw.openai.chat.completions.create(request));
  assert.deepEqual(sent(gw).tools, [{ googleSearch: {} }]);
  const { content, annotations } = completion.choices[0].message;
  assert.equal(content, GREETING + "Who won the match?");
  assert.deepEqual(annotations?.map((annotation) => annotation.url_citation.title), [
    "example.com",
    "wikipedia.org",
  ]);
  for (const { type, url_citation } of annotations ?? []) {
    assert.equal(type, "url_citation");
    assert.match(url_citation.url, /^https:\/\/vertexaisearch\.cloud\.google\.com\//);
    assert.equal(url_citation.start_index, 0);
    assert.equal(url_citation.end_index, [...content!].length);
  }

  const [choice] = assemble(
    await collect(await gw.openai.chat.completions.create({ ...request, stream: true })),
  );
  assert.equal(choice.content, content);
  assert.equal(choice.annotations.length, 2);
});
