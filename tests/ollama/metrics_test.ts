import assert from "node:assert/strict";
import { Clock } from "../../src/ollama/metrics.ts";

Deno.test("metrics are integer nanoseconds, at least 1, and add up", async () => {
  const clock = new Clock();
  await new Promise((resolve) => setTimeout(resolve, 5));
  clock.upstream();
  await new Promise((resolve) => setTimeout(resolve, 5));
  clock.first();
  clock.first();
  const metrics = clock.metrics({ promptTokenCount: 10, candidatesTokenCount: 5 });
  for (const value of Object.values(metrics)) assert.ok(Number.isInteger(value));
  assert.equal(metrics.prompt_eval_count, 10);
  assert.equal(metrics.eval_count, 5);
  assert.ok(metrics.load_duration >= 4e6);
  assert.ok(metrics.prompt_eval_duration >= 4e6);
  assert.ok(metrics.eval_duration >= 1);
  const sum = metrics.load_duration + metrics.prompt_eval_duration + metrics.eval_duration;
  assert.ok(Math.abs(metrics.total_duration - sum) <= 3);
});

Deno.test("a whole answer's time is shared by tokens; no usage counts zero", () => {
  const clock = new Clock();
  clock.upstream();
  const metrics = clock.metrics(undefined);
  assert.equal(metrics.prompt_eval_count, 0);
  assert.equal(metrics.eval_count, 0);
  assert.ok(metrics.prompt_eval_duration >= 1 && metrics.eval_duration >= 1);
});
