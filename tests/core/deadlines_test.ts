import assert from "node:assert/strict";
import { Deadlines, deadlines } from "../../src/core/deadlines.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test("callbacks run once each, in order, no sooner than their delay", async () => {
  const shared = new Deadlines(30);
  const calls: [string, number][] = [];
  const began = performance.now();
  shared.schedule(() => calls.push(["a", performance.now() - began]));
  await sleep(10);
  shared.schedule(() => calls.push(["b", performance.now() - began]));
  await sleep(80);
  assert.deepEqual(calls.map(([name]) => name), ["a", "b"]);
  assert.ok(calls[0][1] >= 29, `a after ${calls[0][1]} ms`);
  assert.ok(calls[1][1] >= 39, `b after ${calls[1][1]} ms`);
});

Deno.test("a cancelled callback never runs, and cancelling all stops the timer", async () => {
  const shared = new Deadlines(20);
  const calls: string[] = [];
  const cancels = Array.from({ length: 3000 }, (_, i) => shared.schedule(() => calls.push(`${i}`)));
  const kept = shared.schedule(() => calls.push("kept"));
  for (const cancel of cancels) cancel();
  cancels[0](); // Twice is harmless.
  await sleep(50);
  assert.deepEqual(calls, ["kept"]);
  // Nothing left: the test's timer sanitizer would fail on a pending timer.
  shared.schedule(() => calls.push("late"))();
  kept();
});

Deno.test("a long-running entry at the head does not keep the cancelled ones behind it", async () => {
  const shared = new Deadlines(40);
  const calls: string[] = [];
  const head = shared.schedule(() => calls.push("head"));
  for (let i = 0; i < 5000; i++) shared.schedule(() => calls.push("never"))();
  const tail = shared.schedule(() => calls.push("tail"));
  await sleep(80);
  assert.deepEqual(calls, ["head", "tail"]);
  head();
  tail();
});

Deno.test("a callback may schedule and cancel others", async () => {
  const shared = new Deadlines(10);
  const calls: string[] = [];
  let cancelSecond = () => {};
  shared.schedule(() => {
    calls.push("first");
    cancelSecond();
    shared.schedule(() => calls.push("third"));
  });
  cancelSecond = shared.schedule(() => calls.push("second"));
  await sleep(60);
  assert.deepEqual(calls, ["first", "third"]);
});

Deno.test("one shared queue per delay", () => {
  assert.equal(deadlines(1234), deadlines(1234));
  assert.notEqual(deadlines(1234), deadlines(1235));
});
