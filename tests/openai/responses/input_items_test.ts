import assert from "node:assert/strict";
import { toInputItems } from "../../../src/openai/responses/input_items.ts";

Deno.test("a string input is one user message with an id and an input_text part", () => {
  const [item] = toInputItems("Hello");
  assert.match(String(item.id), /^msg_/);
  assert.deepEqual({ ...item, id: "x" }, {
    type: "message",
    id: "x",
    role: "user",
    content: [{ type: "input_text", text: "Hello" }],
    status: "completed",
  });
});

Deno.test("items keep their ids; messages get parts; calls and outputs get a status", () => {
  const items = toInputItems([
    { role: "assistant", content: "Hi", id: "msg_mine" },
    { type: "function_call", call_id: "c", name: "f", arguments: "{}" },
    { type: "function_call_output", call_id: "c", output: "ok", id: "fco_1" },
    { type: "reasoning", summary: [] },
  ]);
  assert.deepEqual(items[0].content, [{ type: "output_text", text: "Hi" }]);
  assert.equal(items[0].id, "msg_mine");
  assert.equal(items[1].status, "completed");
  assert.match(String(items[1].id), /^fc_/);
  assert.deepEqual(items[2], {
    status: "completed",
    type: "function_call_output",
    call_id: "c",
    output: "ok",
    id: "fco_1",
  });
  assert.match(String(items[3].id), /^rs_/);
  assert.equal(items[3].status, undefined);
  assert.deepEqual(toInputItems(undefined), []);
});
