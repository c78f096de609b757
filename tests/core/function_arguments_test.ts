import assert from "node:assert/strict";
import { toFunctionArgs } from "../../src/core/function_arguments.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

Deno.test("an object is kept; a JSON string is parsed; nothing is {}", () => {
  assert.deepEqual(toFunctionArgs({ a: 1 }, "args"), { a: 1 });
  assert.deepEqual(toFunctionArgs('{"a":1}', "args"), { a: 1 });
  assert.deepEqual(toFunctionArgs("", "args"), {});
  assert.deepEqual(toFunctionArgs(undefined, "args"), {});
});

Deno.test("invalid JSON, non-objects and deep nesting are 400s", () => {
  assertInvalid(() => toFunctionArgs("{", "args"), "args", /not valid JSON/);
  assertInvalid(() => toFunctionArgs("[1]", "args"), "args", /JSON object/);
  assertInvalid(() => toFunctionArgs(7, "args"), "args");
  const deep = '{"a":' + "[".repeat(5000) + "]".repeat(5000) + "}";
  assertInvalid(() => toFunctionArgs(deep, "args"), "args", /deeper/);
});
