import assert from "node:assert/strict";
import { decodeToolCallId } from "../../src/core/tool_call_id.ts";
import type { GenerateContentResponse } from "../../src/gemini/types.ts";
import {
  responsePieces,
  stoppedAnswerText,
  toAnswer,
  toDoneReason,
  toObject,
  toPieces,
} from "../../src/ollama/response.ts";
import type { ChatResponse, GenerateResponse } from "../../src/ollama/types.ts";

const metrics = {
  total_duration: 5,
  load_duration: 1,
  prompt_eval_count: 2,
  prompt_eval_duration: 2,
  eval_count: 3,
  eval_duration: 2,
};
const state = () => ({ content: "", calls: 0 });

Deno.test("parts sort into thinking, content and tool calls with signatures in their ids", () => {
  const pieces = toPieces([
    { text: "Hmm.", thought: true },
    { text: "Answer" },
    { executableCode: { language: "PYTHON", code: "print(1)" } },
    { functionCall: { name: "f", args: { a: 1 } }, thoughtSignature: "c2ln" },
    { functionCall: { name: "g" } },
  ], state());
  assert.equal(pieces.thinking, "Hmm.");
  assert.equal(pieces.content, "Answer\n```python\nprint(1)\n```\n");
  assert.deepEqual(
    pieces.toolCalls.map(({ function: fn }) => fn),
    [{ index: 0, name: "f", arguments: { a: 1 } }, { index: 1, name: "g", arguments: {} }],
  );
  assert.equal(decodeToolCallId(pieces.toolCalls[0].id!), "c2ln");
  assert.equal(decodeToolCallId(pieces.toolCalls[1].id!), undefined);
});

Deno.test("a blocked prompt is said in the content, done with stop", () => {
  const blocked: GenerateContentResponse = { promptFeedback: { blockReason: "SAFETY" } };
  assert.match(responsePieces(blocked, state()).content, /blocked by Gemini \(reason: SAFETY\)/);
  assert.equal(toDoneReason(blocked), "stop");
});

Deno.test("an answer stopped on policy grounds says so, after any text on a line of its own", () => {
  const stopped = (parts: object[], finishReason: string): GenerateContentResponse => ({
    candidates: [{ index: 0, content: { role: "model", parts }, finishReason }],
  });
  const empty = responsePieces({ candidates: [{ index: 0, finishReason: "SAFETY" }] }, state());
  assert.equal(empty.content, "The answer was stopped by Gemini (reason: SAFETY).");
  const cut = responsePieces(stopped([{ text: "Once upon" }], "RECITATION"), state());
  assert.equal(cut.content, "Once upon\n\nThe answer was stopped by Gemini (reason: RECITATION).");
  const streamed = state();
  responsePieces(stopped([{ text: "Line\n" }], "STOP"), streamed);
  assert.equal(
    responsePieces(stopped([], "PROHIBITED_CONTENT"), streamed).content,
    "The answer was stopped by Gemini (reason: PROHIBITED_CONTENT).",
  );
  assert.equal(responsePieces(stopped([{ text: "Done" }], "STOP"), state()).content, "Done");
  assert.equal(responsePieces(stopped([{ text: "Cu" }], "MAX_TOKENS"), state()).content, "Cu");
  assert.equal(stoppedAnswerText("STOP", true), undefined);
  assert.equal(stoppedAnswerText(undefined, true), undefined);
});

Deno.test("an answer Gemini ended without any says why; one with text or calls does not", () => {
  const ended = (parts: object[]): GenerateContentResponse => ({
    candidates: [{
      index: 0,
      content: { role: "model", parts },
      finishReason: "MALFORMED_FUNCTION_CALL",
    }],
  });
  assert.equal(
    responsePieces(ended([{ text: "Hmm", thought: true }]), state()).content,
    "Gemini ended the turn without an answer (reason: MALFORMED_FUNCTION_CALL).",
  );
  assert.equal(responsePieces(ended([{ text: "Some" }]), state()).content, "Some");
  const call = responsePieces(ended([{ functionCall: { name: "f" } }]), state());
  assert.equal(call.content, "");
});

Deno.test("finish reasons: MAX_TOKENS is length, the rest stop, none is unknown", () => {
  const finished = (finishReason: string) => ({ candidates: [{ finishReason }] });
  assert.equal(toDoneReason(finished("MAX_TOKENS")), "length");
  assert.equal(toDoneReason(finished("SAFETY")), "stop");
  assert.equal(toDoneReason(finished("STOP")), "stop");
  assert.equal(toDoneReason({ candidates: [{}] }), undefined);
});

Deno.test("a whole chat answer carries the message, done, the reason and the metrics", () => {
  const answer = toAnswer("chat", "m:latest", {
    candidates: [{
      index: 0,
      content: { role: "model", parts: [{ text: "T", thought: true }, { text: "Hi" }] },
      finishReason: "STOP",
    }],
  }, metrics) as ChatResponse;
  assert.equal(answer.model, "m:latest");
  assert.deepEqual(answer.message, { role: "assistant", content: "Hi", thinking: "T" });
  assert.equal(answer.done, true);
  assert.equal(answer.done_reason, "stop");
  assert.equal(answer.eval_count, 3);
});

Deno.test("generate objects carry response and thinking instead of a message", () => {
  const object = toObject("generate", "m", { content: "x", thinking: "y", toolCalls: [] });
  assert.deepEqual(
    { ...object, created_at: undefined },
    { model: "m", created_at: undefined, response: "x", thinking: "y", done: false },
  );
  const end = toObject("generate", "m", { content: "", thinking: "", toolCalls: [] }, {
    reason: "load",
  }) as GenerateResponse;
  assert.equal(end.done_reason, "load");
  assert.equal(end.total_duration, undefined);
});
