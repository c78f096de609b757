import assert from "node:assert/strict";
import { MAX_DEPTH, tooDeepAt } from "../../src/core/depth.ts";

/** `levels` objects (or arrays) nested in one another. */
function nested(levels: number, array = false): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = array ? [value] : { a: value };
  return value;
}

Deno.test("tooDeepAt finds the first place nested deeper than the limit, at any depth", () => {
  assert.equal(tooDeepAt(nested(MAX_DEPTH)), undefined);
  assert.deepEqual(tooDeepAt(nested(MAX_DEPTH + 1)), Array(MAX_DEPTH).fill("a"));
  assert.deepEqual(tooDeepAt({ x: 1, y: [0, nested(3, true)] }, 3), ["y", 1, 0]);
  assert.equal(tooDeepAt(nested(1_000_000, true)) !== undefined, true);
  assert.equal(tooDeepAt("text"), undefined);
});
