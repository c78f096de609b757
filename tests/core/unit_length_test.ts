import assert from "node:assert/strict";
import { toUnitLength } from "../../src/core/unit_length.ts";

Deno.test("toUnitLength scales a vector to length 1", () => {
  assert.deepEqual(toUnitLength([3, 4]), [0.6, 0.8]);
});

Deno.test("toUnitLength returns unit and zero vectors as they are", () => {
  const unit = [0.6, 0.8];
  assert.equal(toUnitLength(unit), unit);
  const zero = [0, 0];
  assert.equal(toUnitLength(zero), zero);
});
