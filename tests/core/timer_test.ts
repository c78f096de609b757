import assert from "node:assert/strict";
import { after } from "../../src/core/timer.ts";

Deno.test("the callback runs once, no sooner than its delay", async () => {
  const began = performance.now();
  const calls: number[] = [];
  after(20.4, () => calls.push(performance.now() - began));
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.equal(calls.length, 1);
  assert.ok(calls[0] >= 20, `after ${calls[0]} ms`);
});

Deno.test("a negative delay is no delay", async () => {
  let called = false;
  after(-5, () => called = true);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(called);
});
