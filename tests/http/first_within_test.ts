import assert from "node:assert/strict";
import { firstWithin } from "../../src/http/first_within.ts";

const stream = (values: number[]) => ReadableStream.from(values);

async function collect<T>(source: ReadableStream<T>): Promise<T[]> {
  return await Array.fromAsync(source);
}

Deno.test("a stream whose first value comes in time is passed on whole", async () => {
  assert.deepEqual(await collect(await firstWithin(Promise.resolve(stream([1, 2, 3])), 1000)), [
    1,
    2,
    3,
  ]);
});

Deno.test("a failure before the deadline rejects, whether of the call or of the first value", async () => {
  await assert.rejects(firstWithin(Promise.reject(new Error("refused")), 1000), /refused/);
  const failing = new ReadableStream({
    pull: (controller) => controller.error(new Error("first event failed")),
  });
  await assert.rejects(firstWithin(Promise.resolve(failing), 1000), /first event failed/);
});

Deno.test("past the deadline the stream is returned and delivers what comes later", async () => {
  const later = Promise.withResolvers<ReadableStream<number>>();
  const result = await firstWithin(later.promise, 10);
  later.resolve(stream([7, 8]));
  assert.deepEqual(await collect(result), [7, 8]);
});

Deno.test("a failure past the deadline errors the returned stream", async () => {
  const later = Promise.withResolvers<ReadableStream<number>>();
  const result = await firstWithin(later.promise, 10);
  later.reject(new Error("too late"));
  await assert.rejects(collect(result), /too late/);
});

Deno.test("cancelling before the upstream started cancels it once it starts", async () => {
  const later = Promise.withResolvers<ReadableStream<number>>();
  const cancelled = Promise.withResolvers<unknown>();
  const result = await firstWithin(later.promise, 10);
  const cancelling = result.cancel("client left");
  later.resolve(new ReadableStream({ cancel: (reason) => cancelled.resolve(reason) }));
  await cancelling;
  assert.equal(await cancelled.promise, "client left");
});
