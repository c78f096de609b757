import assert from "node:assert/strict";
import { lazy } from "../../src/http/lazy.ts";
import type { Context, Handler } from "../../src/http/route.ts";

const context = {} as Context;
const request = () => new Request("http://gateway.test/x");

Deno.test("a lazy handler imports its module once, on its first request", async () => {
  let imports = 0;
  const answer: Handler = () => new Response("answered");
  const handler = lazy(() => {
    imports++;
    return Promise.resolve({ answer, other: 1 });
  }, "answer");
  assert.equal(imports, 0);
  const first = await Promise.all([handler(request(), context), handler(request(), context)]);
  assert.deepEqual(await Promise.all(first.map((response) => response.text())), [
    "answered",
    "answered",
  ]);
  const later = handler(request(), context);
  assert.ok(later instanceof Response, "once loaded, the handler is called directly");
  assert.equal(imports, 1);
});

Deno.test("a failed import fails that request and is retried on the next", async () => {
  let attempts = 0;
  const handler = lazy(() => {
    attempts++;
    return attempts === 1
      ? Promise.reject(new Error("not yet"))
      : Promise.resolve({ answer: () => new Response("ok") });
  }, "answer");
  await assert.rejects(async () => await handler(request(), context), /not yet/);
  assert.equal(await (await handler(request(), context)).text(), "ok");
  assert.equal(attempts, 2);
});
