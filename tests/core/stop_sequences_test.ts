import assert from "node:assert/strict";
import { toStopSequences } from "../../src/core/stop_sequences.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

Deno.test("a list of stop sequences, empty ones dropped; none left is undefined", () => {
  assert.deepEqual(toStopSequences(["END", ""], "stop"), ["END"]);
  assert.equal(toStopSequences([""], "stop"), undefined);
  assert.equal(toStopSequences(null, "stop"), undefined);
});

Deno.test("one string counts as a list only where the dialect allows it", () => {
  assert.deepEqual(toStopSequences("END", "stop", { string: true }), ["END"]);
  assertInvalid(() => toStopSequences("END", "stop_sequences"), "stop_sequences");
  assertInvalid(() => toStopSequences(["a", 1], "stop"), "stop[1]");
});

Deno.test("more than five: a 400, or the first five where the dialect cuts", () => {
  const six = ["1", "2", "3", "4", "5", "6"];
  assertInvalid(() => toStopSequences(six, "stop"), "stop", /at most 5/);
  assert.deepEqual(toStopSequences(six, "stop", { cut: true }), six.slice(0, 5));
});
