import assert from "node:assert/strict";
import { toConversation, type Turn } from "../../src/core/conversation.ts";
import { SKIP_THOUGHT_SIGNATURE } from "../../src/core/tool_call_id.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

const user = (text: string): Turn => ({ role: "user", parts: [{ text }] });

Deno.test("turns of one role merge, empty ones drop, system goes to systemInstruction", () => {
  const conversation = toConversation(
    [user("a"), { role: "model", parts: [] }, user("b")],
    [{ text: "be brief" }],
    "gemini-3.5-flash",
    "messages",
  );
  assert.deepEqual(conversation, {
    contents: [{ role: "user", parts: [{ text: "a" }, { text: "b" }] }],
    systemInstruction: { parts: [{ text: "be brief" }] },
  });
});

Deno.test("a Gemini 3 model turn's first unsigned call gets the skip signature", () => {
  const { contents } = toConversation(
    [user("go"), {
      role: "model",
      parts: [{ functionCall: { name: "a", args: {} } }, { functionCall: { name: "b", args: {} } }],
    }],
    [],
    "gemini-3-pro",
    "messages",
  );
  assert.equal(contents[1].parts?.[0].thoughtSignature, SKIP_THOUGHT_SIGNATURE);
  assert.equal(contents[1].parts?.[1].thoughtSignature, undefined);
});

Deno.test("Gemma reads the system text at the start of the first user turn", () => {
  const { contents, systemInstruction } = toConversation(
    [user("hi")],
    [{ text: "rules" }],
    "gemma-3-27b-it",
    "messages",
  );
  assert.equal(systemInstruction, undefined);
  assert.deepEqual(contents, [{ role: "user", parts: [{ text: "rules\n\n" }, { text: "hi" }] }]);
});

Deno.test("system text alone is one user turn; nothing at all is a 400", () => {
  assert.deepEqual(toConversation([], [{ text: "s" }], "gemini-3", "messages"), {
    contents: [{ role: "user", parts: [{ text: "s" }] }],
  });
  assertInvalid(() => toConversation([], [], "gemini-3", "input"), "input", /no message/);
});
