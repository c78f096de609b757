import assert from "node:assert/strict";
import { Timer } from "../../src/core/timer.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test("the callback runs once per start, no sooner than its delay", async () => {
  const began = performance.now();
  const calls: number[] = [];
  const timer = new Timer(() => calls.push(performance.now() - began));
  timer.start(20.4);
  timer.start(20.4); // Already started: nothing more.
  await sleep(60);
  assert.equal(calls.length, 1);
  assert.ok(calls[0] >= 20, `after ${calls[0]} ms`);
  timer.start(5);
  await sleep(30);
  assert.equal(calls.length, 2);
});

Deno.test("a stopped timer calls nothing, and is taken back when started again", async () => {
  let calls = 0;
  const timer = new Timer(() => calls++);
  timer.start(30);
  timer.stop();
  timer.stop(); // Twice is harmless.
  await sleep(10);
  timer.start(30); // The pending one, due 20 ms from now.
  await sleep(35);
  assert.equal(calls, 1);
  timer.start(10);
  timer.stop();
  await sleep(30);
  assert.equal(calls, 1);
});

Deno.test("a stopped timer does not keep the process alive", async () => {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      `import { Timer } from "${new URL("../../src/core/timer.ts", import.meta.url)}";` +
      "const timer = new Timer(() => {}); timer.start(60000); timer.stop();",
    ],
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  const began = performance.now();
  assert.equal((await child.status).code, 0);
  assert.ok(performance.now() - began < 30000);
});
