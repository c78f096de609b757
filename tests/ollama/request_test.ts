import assert from "node:assert/strict";
import { ModelAliases } from "../../src/core/model_name.ts";
import {
  type OllamaRequestOptions,
  toChatRequest,
  toGenerateRequest,
} from "../../src/ollama/request.ts";

const options: OllamaRequestOptions = {
  defaultModel: "gemini-3.8-flash",
  modelAliases: new ModelAliases([], true, () => {}),
  safetyThreshold: "OFF",
  includeThoughts: true,
  media: { maxMediaBytes: 1e6, maxMediaParts: 10 },
};

Deno.test("a chat streams by default and becomes a GenerateContentRequest", () => {
  const chat = toChatRequest({
    model: "gemini-3.8-flash:latest",
    messages: [{ role: "system", content: "S" }, { role: "user", content: "Hi" }],
    tools: [{ type: "function", function: { name: "f" } }],
    options: { temperature: 0.1 },
    format: "json",
    think: "high",
    keep_alive: -1,
  }, options);
  assert.equal(chat.stream, true);
  assert.equal(chat.model, "gemini-3.8-flash");
  assert.equal(chat.name, "gemini-3.8-flash:latest");
  const request = chat.request!;
  assert.deepEqual(request.contents, [{ role: "user", parts: [{ text: "Hi" }] }]);
  assert.deepEqual(request.systemInstruction, { parts: [{ text: "S" }] });
  assert.deepEqual(request.tools, [{ functionDeclarations: [{ name: "f" }] }]);
  assert.deepEqual(request.generationConfig, {
    temperature: 0.1,
    responseMimeType: "application/json",
    thinkingConfig: { thinkingLevel: "HIGH", includeThoughts: true },
  });
  assert.ok(request.safetySettings?.every((setting) => setting.threshold === "OFF"));
});

Deno.test("Gemini 3's first call without a signature gets the skip placeholder", () => {
  const chat = toChatRequest({
    model: "gemini-3.8-flash",
    stream: false,
    messages: [
      { role: "user", content: "Hi" },
      { role: "assistant", content: "", tool_calls: [{ function: { name: "f", arguments: {} } }] },
      { role: "tool", content: "ok", tool_name: "f" },
    ],
  }, options);
  assert.equal(chat.stream, false);
  assert.equal(
    chat.request!.contents[1].parts![0].thoughtSignature,
    "skip_thought_signature_validator",
  );
});

Deno.test("no messages, or no prompt and images, loads; keep_alive 0 unloads", () => {
  assert.equal(toChatRequest({ model: "gemini-3.8-flash" }, options).load, "load");
  assert.equal(toChatRequest({ messages: [], keep_alive: 0 }, options).load, "unload");
  assert.equal(toGenerateRequest({ prompt: "", keep_alive: "0s" }, options).load, "unload");
  assert.equal(toGenerateRequest({ keep_alive: "5m" }, options).load, "load");
  assert.equal(toGenerateRequest({}, options).request, undefined);
});

Deno.test("generate sends the prompt, images and system", () => {
  const generate = toGenerateRequest({
    prompt: "Describe",
    images: ["iVBORw0KGgoAAAANSUhEUg=="],
    system: "Be exact.",
  }, options);
  assert.deepEqual(generate.request!.contents, [{
    role: "user",
    parts: [
      { text: "Describe" },
      { inlineData: { mimeType: "image/png", data: "iVBORw0KGgoAAAANSUhEUg==" } },
    ],
  }]);
  assert.deepEqual(generate.request!.systemInstruction, { parts: [{ text: "Be exact." }] });
});

Deno.test("bad bodies are 400s naming the field", () => {
  assert.throws(() => toChatRequest([], options), /JSON object/);
  assert.throws(() => toChatRequest({ stream: "yes" }, options), /'stream'/);
  assert.throws(() => toChatRequest({ keep_alive: {} }, options), /'keep_alive'/);
  assert.throws(() => toChatRequest({ messages: {} }, options), /'messages'/);
  assert.throws(
    () => toChatRequest({ messages: [{ role: "system", content: "" }] }, options),
    /'messages'/,
  );
  assert.throws(() => toGenerateRequest({ prompt: 1 }, options), /'prompt'/);
  assert.throws(() => toGenerateRequest({ prompt: "a", suffix: "b" }, options), /'suffix'/);
  assert.throws(() => toGenerateRequest({ prompt: "a", raw: "no" }, options), /'raw'/);
});
