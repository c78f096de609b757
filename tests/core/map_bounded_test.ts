import assert from "node:assert/strict";
import { mapBounded } from "../../src/core/map_bounded.ts";

Deno.test("runs at most `limit` tasks at once and keeps the order", async () => {
  let running = 0;
  let most = 0;
  const results = await mapBounded([5, 1, 4, 2, 3, 0, 6], 3, async (item) => {
    most = Math.max(most, ++running);
    await new Promise((resolve) => setTimeout(resolve, item));
    running--;
    return item * 2;
  });
  assert.deepEqual(results, [10, 2, 8, 4, 6, 0, 12]);
  assert.equal(most, 3);
});

Deno.test("the first failure rejects, and no further task starts", async () => {
  const started: number[] = [];
  await assert.rejects(
    mapBounded([0, 1, 2, 3, 4], 1, (item) => {
      started.push(item);
      return item === 1 ? Promise.reject(new Error("no")) : Promise.resolve(item);
    }),
    /no/,
  );
  assert.deepEqual(started, [0, 1]);
});
