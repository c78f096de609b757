import assert from "node:assert/strict";
import {
  childParam,
  fieldOf,
  googleOptions,
  isRecord,
  optional,
  readArray,
  readBoolean,
  readInteger,
  readNumber,
  readRecord,
  readString,
} from "../../src/http/fields.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

Deno.test("childParam joins names with dots and indices with brackets", () => {
  assert.equal(childParam("", "model"), "model");
  assert.equal(childParam("messages", 2), "messages[2]");
  assert.equal(childParam("messages[2]", "content"), "messages[2].content");
});

Deno.test("isRecord accepts only plain objects", () => {
  assert.equal(isRecord({}), true);
  assert.equal(isRecord([]), false);
  assert.equal(isRecord(null), false);
  assert.equal(isRecord("x"), false);
});

Deno.test("fieldOf reads null as absent", () => {
  assert.deepEqual(fieldOf({ a: null }, "a", "x"), { value: undefined, param: "x.a" });
  assert.deepEqual(fieldOf({ a: 1 }, "a"), { value: 1, param: "a" });
});

Deno.test("optional skips undefined and null", () => {
  assert.equal(optional(undefined, "p", readString), undefined);
  assert.equal(optional(null, "p", readString), undefined);
  assert.equal(optional("x", "p", readString), "x");
});

Deno.test("readers return values of the right type", () => {
  assert.equal(readString("a", "p"), "a");
  assert.equal(readBoolean(false, "p"), false);
  assert.deepEqual(readRecord({ a: 1 }, "p"), { a: 1 });
  assert.deepEqual(readArray([1], "p"), [1]);
  assert.equal(readNumber(0.5, "p", { min: 0, max: 1 }), 0.5);
  assert.equal(readInteger(3, "p", { min: 1 }), 3);
});

Deno.test("readers reject wrong types naming the field", () => {
  assertInvalid(() => readString(1, "a.b"), "a.b", /expected a string, but got an integer/);
  assertInvalid(() => readBoolean("true", "p"), "p", /a boolean/);
  assertInvalid(() => readRecord([], "p"), "p", /got an array/);
  assertInvalid(() => readArray({}, "p"), "p", /got an object/);
  assertInvalid(() => readNumber("1", "p"), "p", /got a string/);
  assertInvalid(() => readNumber(NaN, "p"), "p");
  assertInvalid(() => readInteger(1.5, "p"), "p", /got a decimal/);
});

Deno.test("readers reject missing values and values out of range", () => {
  assertInvalid(() => readString(undefined, "model"), "model", /Missing required parameter/);
  assertInvalid(() => readNumber(3, "temperature", { max: 2 }), "temperature", /<= 2/);
  assertInvalid(() => readInteger(0, "n", { min: 1 }), "n", />= 1/);
});

Deno.test("Gemini options: google first, then extra_body.google, snake or camel case", () => {
  const google = googleOptions({
    task_type: "top",
    google: { thinkingConfig: { a: 1 }, cached_content: null },
    extra_body: { google: { thinking_config: { b: 2 }, cached_content: "c1" } },
  });
  assert.deepEqual(google("thinking_config"), {
    value: { a: 1 },
    param: "google.thinkingConfig",
  });
  assert.deepEqual(google("cached_content"), {
    value: "c1",
    param: "extra_body.google.cached_content",
  });
  assert.equal(google("task_type"), undefined);
  const withTop = googleOptions({ task_type: "top", google: { task_type: "g" } }, {
    topLevel: true,
  });
  assert.deepEqual(withTop("task_type"), { value: "top", param: "task_type" });
});
