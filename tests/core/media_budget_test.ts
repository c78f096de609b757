import assert from "node:assert/strict";
import { GatewayError } from "../../src/core/errors.ts";
import { MediaBudget } from "../../src/core/media_budget.ts";

const failsWith = (status: number, code: string, param: string) => (error: unknown) =>
  error instanceof GatewayError && error.status === status && error.code === code &&
  error.param === param;

Deno.test("parts are counted, and one too many is a 400 naming the field", () => {
  const budget = new MediaBudget({ maxMediaBytes: 100, maxMediaParts: 2 });
  budget.addPart("a");
  budget.addPart("b");
  assert.throws(() => budget.addPart("c"), failsWith(400, "too_many_media_parts", "c"));
});

Deno.test("bytes are counted, decoded from base64, and going over is a 413", () => {
  const budget = new MediaBudget({ maxMediaBytes: 10, maxMediaParts: 100 });
  budget.addBase64("AAAAAAAA", "a"); // 6 bytes
  budget.addBase64("AAAA", "b"); // 3 bytes
  budget.addBytes(1, "c");
  assert.throws(() => budget.addBytes(1, "d"), failsWith(413, "media_too_large", "d"));
});

Deno.test("without limits nothing fails", () => {
  const budget = new MediaBudget();
  for (let index = 0; index < 10_000; index++) budget.addPart("x");
  budget.addBytes(2 ** 40, "x");
});
