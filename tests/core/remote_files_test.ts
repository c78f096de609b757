import assert from "node:assert/strict";
import { GatewayError } from "../../src/core/errors.ts";
import { MediaBudget } from "../../src/core/media_budget.ts";
import { createFileFetcher } from "../../src/core/remote_file.ts";
import { MAX_CONCURRENT_FETCHES, RemoteFiles } from "../../src/core/remote_files.ts";

const MIB = 1024 * 1024;
const LOCAL = { allowPrivateUrlFetch: true, fetchMaxBytes: 16 * MIB, fetchTimeoutMs: 5_000 };

Deno.test("files are fetched a few at a time, within the request's media budget", async () => {
  let running = 0;
  let most = 0;
  let requests = 0;
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: () => {} }, () => {
    requests++;
    most = Math.max(most, ++running);
    let sent = 0;
    return new Response(
      new ReadableStream({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          if (sent >= 16 * MIB) {
            running--;
            controller.close();
            return;
          }
          controller.enqueue(new Uint8Array(MIB));
          sent += MIB;
        },
        cancel() {
          running--;
        },
      }),
      { headers: { "content-type": "image/png" } },
    );
  });
  try {
    const files = new RemoteFiles(new MediaBudget({ maxMediaBytes: 40 * MIB, maxMediaParts: 50 }));
    const url = `http://127.0.0.1:${server.addr.port}/big.png`;
    for (let index = 0; index < 24; index++) files.add(url, `messages[0].content[${index}]`);
    await assert.rejects(files.fetchAll(createFileFetcher(LOCAL)), (error) => {
      assert.ok(error instanceof GatewayError, String(error));
      assert.equal(error.status, 413);
      assert.equal(error.code, "media_too_large");
      assert.match(error.param!, /^messages\[0\]\.content\[\d+\]$/);
      return true;
    });
    assert.ok(most <= MAX_CONCURRENT_FETCHES, `${most} fetches at once`);
    assert.ok(requests <= 2 * MAX_CONCURRENT_FETCHES, `${requests} of 24 files requested`);
  } finally {
    await server.shutdown();
  }
});

Deno.test("one remote file too many is a 400 before anything is fetched", () => {
  const files = new RemoteFiles(new MediaBudget({ maxMediaBytes: MIB, maxMediaParts: 1 }));
  files.add("http://example.com/a.png", "a");
  assert.throws(
    () => files.add("http://example.com/b.png", "b"),
    (error) => error instanceof GatewayError && error.status === 400 && error.param === "b",
  );
});
