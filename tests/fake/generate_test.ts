import assert from "node:assert/strict";
import type { GenerateContentRequest, GenerateContentResponse } from "../../src/gemini/types.ts";
import {
  batchEmbedContents,
  countTokens,
  defaultDimensions,
  embedContent,
  embeddingOf,
  exampleOf,
  FUNCTION_CALL_FINISH_MESSAGE,
  generateChunks,
  generateContent,
  GREETING,
  THOUGHT,
  tokenCount,
} from "../../src/fake/generate.ts";

const ask = (
  text: string,
  extra: Partial<GenerateContentRequest> = {},
): GenerateContentRequest => ({
  contents: [{ role: "user", parts: [{ text }] }],
  ...extra,
});

function streamedText(chunks: GenerateContentResponse[]): string {
  return chunks.flatMap((chunk) => chunk.candidates![0].content!.parts!)
    .filter((part) => !part.thought)
    .map((part) => part.text ?? "")
    .join("");
}

const weather = {
  name: "get_weather",
  parameters: {
    type: "OBJECT",
    properties: { city: { type: "STRING" }, days: { type: "INTEGER" } },
    required: ["city"],
  },
};
const time = {
  name: "get_time",
  parametersJsonSchema: { type: "object", properties: { tz: { type: ["string", "null"] } } },
};

Deno.test("the default answer echoes the last user text", () => {
  const response = generateContent("gemini-2.5-flash", ask("What is up?"));
  assert.deepEqual(response.candidates, [{
    content: { parts: [{ text: `${GREETING}What is up?` }], role: "model" },
    finishReason: "STOP",
    index: 0,
  }]);
  const prompt = tokenCount("What is up?");
  const answer = tokenCount(`${GREETING}What is up?`);
  assert.deepEqual(response.usageMetadata, {
    promptTokenCount: prompt,
    candidatesTokenCount: answer,
    totalTokenCount: prompt + answer,
    promptTokensDetails: [{ modality: "TEXT", tokenCount: prompt }],
  });
  assert.equal(response.modelVersion, "gemini-2.5-flash");
  assert.match(response.responseId!, /^[\w-]{23}$/);
});

Deno.test("generation is deterministic, and gemini-2.0 omits the candidate index", () => {
  const request = ask("same");
  assert.deepEqual(
    generateContent("gemini-2.0-flash", request),
    generateContent("gemini-2.0-flash", request),
  );
  assert.equal(generateContent("gemini-2.0-flash", request).candidates![0].index, undefined);
});

Deno.test("streaming splits the text in ~3 chunks with cumulative usage", () => {
  const chunks = generateChunks("gemini-2.5-flash", ask("one two three four five six"));
  assert.equal(chunks.length, 3);
  assert.equal(streamedText(chunks), `${GREETING}one two three four five six`);
  assert.equal(new Set(chunks.map((chunk) => chunk.responseId)).size, 1);
  assert.deepEqual(chunks.map((chunk) => chunk.candidates![0].finishReason), [
    undefined,
    undefined,
    "STOP",
  ]);
  const counts = chunks.map((chunk) => chunk.usageMetadata!.candidatesTokenCount!);
  assert.ok(counts[0] < counts[1] && counts[1] < counts[2]);
  for (const chunk of chunks) {
    const usage = chunk.usageMetadata!;
    assert.equal(usage.totalTokenCount, usage.promptTokenCount! + usage.candidatesTokenCount!);
  }
});

Deno.test("includeThoughts adds a thought part first, in its own chunk", () => {
  const request = ask("hi", { generationConfig: { thinkingConfig: { includeThoughts: true } } });
  const chunks = generateChunks("gemini-2.5-pro", request);
  assert.deepEqual(chunks[0].candidates![0].content!.parts, [{ text: THOUGHT, thought: true }]);
  const thoughts = tokenCount(THOUGHT);
  assert.equal(chunks[0].usageMetadata!.candidatesTokenCount, undefined);
  for (const chunk of chunks) assert.equal(chunk.usageMetadata!.thoughtsTokenCount, thoughts);
  const whole = generateContent("gemini-2.5-pro", request);
  const usage = whole.usageMetadata!;
  assert.equal(whole.candidates![0].content!.parts![0].thought, true);
  assert.equal(
    usage.totalTokenCount,
    usage.promptTokenCount! + usage.candidatesTokenCount! + thoughts,
  );
});

Deno.test("declared functions are called with arguments from their schema", () => {
  const response = generateContent(
    "gemini-2.5-flash",
    ask("weather?", { tools: [{ functionDeclarations: [weather, time] }] }),
  );
  const candidate = response.candidates![0];
  assert.deepEqual(candidate.content!.parts, [
    { functionCall: { name: "get_weather", args: { city: "example", days: 1 } } },
  ]);
  assert.equal(candidate.finishReason, "STOP");
  assert.equal(candidate.finishMessage, FUNCTION_CALL_FINISH_MESSAGE);
});

Deno.test("ANY with several functions, or 'parallel' in the prompt, calls all of them", () => {
  const tools = [{ functionDeclarations: [weather] }, { functionDeclarations: [time] }];
  const names = (request: GenerateContentRequest) =>
    generateContent("gemini-2.5-flash", request).candidates![0].content!.parts!
      .map((part) => part.functionCall?.name);
  assert.deepEqual(
    names(ask("x", { tools, toolConfig: { functionCallingConfig: { mode: "ANY" } } })),
    ["get_weather", "get_time"],
  );
  assert.deepEqual(names(ask("do it in parallel", { tools })), ["get_weather", "get_time"]);
  assert.deepEqual(
    names(
      ask("x", {
        tools,
        toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_time"] } },
      }),
    ),
    ["get_time"],
  );
  assert.deepEqual(
    names(ask("x", { tools, toolConfig: { functionCallingConfig: { mode: "NONE" } } })),
    [undefined],
  );
});

Deno.test("a function named in the prompt with JSON arguments is called with them", () => {
  const tools = [{ functionDeclarations: [weather, time] }];
  const call = (text: string) =>
    generateContent("gemini-2.5-flash", ask(text, { tools })).candidates![0].content!.parts![0]
      .functionCall;
  assert.deepEqual(call('Please run get_time {"zone": "UTC", "nested": {"a": 1}} now'), {
    name: "get_time",
    args: { zone: "UTC", nested: { a: 1 } },
  });
  // Without a JSON object after the name, the usual choice and example arguments.
  assert.deepEqual(call("get_time please"), {
    name: "get_weather",
    args: { city: "example", days: 1 },
  });
});

Deno.test("after a function response the model reports what the tool said", () => {
  const request: GenerateContentRequest = {
    contents: [
      { role: "user", parts: [{ text: "weather?" }] },
      {
        role: "model",
        parts: [{ functionCall: { name: "get_weather", args: { city: "Paris" } } }],
      },
      {
        role: "user",
        parts: [{ functionResponse: { name: "get_weather", response: { temp: 21 } } }],
      },
    ],
    tools: [{ functionDeclarations: [weather] }],
  };
  const parts = generateContent("gemini-2.5-flash", request).candidates![0].content!.parts;
  assert.deepEqual(parts, [{ text: 'The tool said: {"temp":21}' }]);
});

Deno.test("Gemini 3 signs function calls and ends text with a signed empty part", () => {
  const tools = [{ functionDeclarations: [weather] }];
  const calls = generateChunks("gemini-3-pro-preview", ask("weather?", { tools }));
  assert.equal(calls.length, 2);
  const signature = calls[0].candidates![0].content!.parts![0].thoughtSignature!;
  assert.equal(Uint8Array.fromBase64(signature).length, 64);
  assert.deepEqual(calls[1].candidates![0].content!.parts, [{ text: "" }]);
  assert.equal(calls[1].candidates![0].finishMessage, FUNCTION_CALL_FINISH_MESSAGE);

  const text = generateChunks("gemini-3-flash-preview", ask("hello there"));
  const last = text.at(-1)!.candidates![0];
  assert.equal(last.content!.parts![0].text, "");
  assert.ok(last.content!.parts![0].thoughtSignature);
  assert.equal(last.finishReason, "STOP");
  const whole = generateContent("gemini-3-flash-preview", ask("hello there"));
  assert.ok(whole.candidates![0].content!.parts![0].thoughtSignature);
  assert.equal(
    generateContent("gemini-2.5-flash", ask("hi")).candidates![0].content!.parts![0]
      .thoughtSignature,
    undefined,
  );
});

Deno.test("JSON mode answers with a value that fits the schema", () => {
  const answer = (generationConfig: GenerateContentRequest["generationConfig"]) =>
    JSON.parse(
      generateContent("gemini-2.5-flash", ask("x", { generationConfig })).candidates![0].content!
        .parts![0].text!,
    );
  assert.deepEqual(answer({ responseMimeType: "application/json" }), {});
  assert.deepEqual(
    answer({
      responseMimeType: "application/json",
      responseSchema: {
        type: "OBJECT",
        properties: {
          name: { type: "STRING" },
          size: { type: "NUMBER", nullable: true },
          tags: { type: "ARRAY", items: { type: "STRING", enum: ["a", "b"] } },
          ok: { type: "BOOLEAN" },
        },
      },
    }),
    { name: "example", size: 1, tags: ["a"], ok: true },
  );
  assert.deepEqual(
    answer({
      responseMimeType: "application/json",
      responseJsonSchema: {
        type: "object",
        properties: {
          item: { $ref: "#/$defs/Item" },
          maybe: { anyOf: [{ type: "null" }, { type: "integer" }] },
        },
        $defs: { Item: { type: "object", properties: { kind: { const: "fixed" } } } },
      },
    }),
    { item: { kind: "fixed" }, maybe: 1 },
  );
});

Deno.test("exampleOf covers the JSON Schema shapes", () => {
  assert.deepEqual(exampleOf({ type: ["null", "number"] }), 1);
  assert.deepEqual(
    exampleOf({
      allOf: [{ properties: { a: { type: "string" } } }, {
        properties: { b: { type: "boolean" } },
      }],
    }),
    { a: "example", b: true },
  );
  assert.deepEqual(exampleOf({ items: { type: "integer" } }), [1]);
  assert.deepEqual(exampleOf({ oneOf: [{ type: "string" }] }), "example");
});

Deno.test("a small maxOutputTokens cuts the text with MAX_TOKENS", () => {
  const candidate =
    generateContent("gemini-2.5-flash", ask("hello", { generationConfig: { maxOutputTokens: 2 } }))
      .candidates![0];
  assert.equal(candidate.finishReason, "MAX_TOKENS");
  assert.equal(candidate.content!.parts![0].text, GREETING.slice(0, 8));
});

Deno.test("stop sequences end the text before them", () => {
  const candidate = generateContent(
    "gemini-2.5-flash",
    ask("hi", { generationConfig: { stopSequences: ["fake"] } }),
  ).candidates![0];
  assert.equal(candidate.content!.parts![0].text, "Hello from the ");
  assert.equal(candidate.finishReason, "STOP");
});

Deno.test("candidateCount gives that many candidates", () => {
  const response = generateContent(
    "gemini-2.0-flash",
    ask("hi", { generationConfig: { candidateCount: 3 } }),
  );
  assert.deepEqual(response.candidates!.map((candidate) => candidate.index), [0, 1, 2]);
  const single = tokenCount(`${GREETING}hi`);
  assert.equal(response.usageMetadata!.candidatesTokenCount, 3 * single);
});

Deno.test("responseLogprobs reports chosen and top candidates per word", () => {
  const candidate = generateContent(
    "gemini-2.5-flash",
    ask("hi", { generationConfig: { responseLogprobs: true, logprobs: 3 } }),
  ).candidates![0];
  const result = candidate.logprobsResult!;
  const words = `${GREETING}hi`.match(/\s*\S+/g)!;
  assert.deepEqual(result.chosenCandidates!.map((item) => item.token), words);
  assert.equal(result.topCandidates!.length, words.length);
  for (const [index, top] of result.topCandidates!.entries()) {
    assert.equal(top.candidates!.length, 3);
    assert.deepEqual(top.candidates![0], result.chosenCandidates![index]);
    assert.ok(top.candidates![0].logProbability! >= top.candidates![1].logProbability!);
  }
});

Deno.test("googleSearch adds grounding metadata to the last chunk", () => {
  const chunks = generateChunks(
    "gemini-2.5-pro",
    ask("weather in Paris", { tools: [{ googleSearch: {} }] }),
  );
  assert.ok(chunks.slice(0, -1).every((chunk) => !chunk.candidates![0].groundingMetadata));
  const grounding = chunks.at(-1)!.candidates![0].groundingMetadata!;
  const text = streamedText(chunks);
  assert.deepEqual(grounding.webSearchQueries, ["weather in Paris"]);
  assert.equal(grounding.groundingChunks!.length, 2);
  assert.match(grounding.groundingChunks![0].web!.uri!, /^https:\/\//);
  assert.deepEqual(grounding.groundingSupports, [{
    segment: { endIndex: new TextEncoder().encode(text).length, text },
    groundingChunkIndices: [0, 1],
  }]);
  assert.match(grounding.searchEntryPoint!.renderedContent!, /^<style>/);
});

Deno.test("countTokens counts contents or the whole request", () => {
  const contents = [{
    role: "user" as const,
    parts: [{ text: "The quick brown fox jumps over the lazy dog." }],
  }];
  assert.deepEqual(countTokens({ contents }), {
    totalTokens: 11,
    promptTokensDetails: [{ modality: "TEXT", tokenCount: 11 }],
  });
  const withSystem = countTokens({
    generateContentRequest: { contents, systemInstruction: { parts: [{ text: "12345678" }] } },
  });
  assert.equal(withSystem.totalTokens, 13);
});

Deno.test("embeddings are deterministic float32 unit vectors of the asked length", () => {
  const vector = embeddingOf("hello", 3072);
  assert.equal(vector.length, 3072);
  assert.deepEqual(vector, embeddingOf("hello", 3072));
  assert.notDeepEqual(vector, embeddingOf("hello!", 3072));
  const short = embeddingOf("hello", 768, 3072);
  assert.deepEqual(short, vector.slice(0, 768));
  assert.ok(Math.hypot(...short) < 0.9, "a shortened vector is not normalized again");
  // float32 values printed as Google prints them: at most 9 significant digits.
  assert.ok(vector.every((value) => /^-?\d(\.\d{1,8})?e/.test(value.toExponential())));
  assert.ok(Math.abs(Math.hypot(...vector) - 1) < 1e-4);
  assert.equal(defaultDimensions("text-embedding-004"), 768);
  assert.equal(defaultDimensions("gemini-embedding-001"), 3072);
});

Deno.test("embedding usage is reported by gemini-embedding-2 only", () => {
  const request = (text: string) => ({
    model: "m",
    content: { parts: [{ text }] },
    outputDimensionality: 4,
  });
  const two = batchEmbedContents("gemini-embedding-2", [request("First text"), request("Second")]);
  assert.equal(two.embeddings.length, 2);
  assert.equal(two.embeddings[0].values.length, 4);
  assert.deepEqual(two.usageMetadata, {
    promptTokenCount: 5,
    promptTokenDetails: [{ modality: "TEXT", tokenCount: 5 }],
  });
  const one = batchEmbedContents("gemini-embedding-001", [request("First text")]);
  assert.equal(one.usageMetadata, undefined);
  assert.deepEqual(one.embeddings[0].values, two.embeddings[0].values);
  assert.deepEqual(embedContent("gemini-embedding-001", request("First text")), {
    embedding: { values: one.embeddings[0].values },
  });
});

Deno.test("an outputDimensionality beyond the model's leaves the vector whole", () => {
  const [embedding] = batchEmbedContents("gemini-embedding-001", [{
    model: "models/gemini-embedding-001",
    content: { parts: [{ text: "hi" }] },
    outputDimensionality: 1e308,
  }]).embeddings;
  assert.equal(embedding.values.length, 3072);
});
