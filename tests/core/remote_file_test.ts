import assert from "node:assert/strict";
import {
  createFileFetcher,
  type FileFetchConfig,
  isPrivateAddress,
  type ResolveDns,
} from "../../src/core/remote_file.ts";
import { assertRejectsInvalid } from "../helpers/assert_invalid.ts";

const PNG = Uint8Array.fromBase64(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
);

const LOCAL: FileFetchConfig = {
  allowPrivateUrlFetch: true,
  fetchMaxBytes: 1024,
  fetchTimeoutMs: 2000,
};

/** Runs `test` against a loopback server answering with `handler`; counts the requests. */
async function withServer(
  handler: (request: Request) => Response | Promise<Response>,
  test: (url: string, hits: () => number) => Promise<void>,
) {
  let count = 0;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) => {
    count++;
    return handler(request);
  });
  try {
    await test(`http://127.0.0.1:${server.addr.port}`, () => count);
  } finally {
    await server.shutdown();
  }
}

Deno.test("fetches a file with its Content-Type", async () => {
  await withServer(
    () => new Response(PNG, { headers: { "content-type": "image/png; charset=binary" } }),
    async (url) => {
      const blob = await createFileFetcher(LOCAL)(`${url}/cat`);
      assert.deepEqual(blob, { mimeType: "image/png", data: PNG.toBase64() });
    },
  );
});

Deno.test("without a Content-Type the type is sniffed, then taken from the extension", async () => {
  await withServer(
    (request) =>
      request.url.endsWith(".md")
        ? new Response(new TextEncoder().encode("# hi"), {
          headers: { "content-type": "application/octet-stream" },
        })
        : new Response(PNG),
    async (url) => {
      const fetchFile = createFileFetcher(LOCAL);
      assert.equal((await fetchFile(`${url}/image`)).mimeType, "image/png");
      assert.equal((await fetchFile(`${url}/notes.md`)).mimeType, "text/markdown");
    },
  );
});

Deno.test("image/jpg is sent as image/jpeg; binary/octet-stream is sniffed", async () => {
  await withServer(
    (request) =>
      new Response(PNG, {
        headers: {
          "content-type": request.url.endsWith(".jpg") ? "image/jpg" : "binary/octet-stream",
        },
      }),
    async (url) => {
      const fetchFile = createFileFetcher(LOCAL);
      assert.equal((await fetchFile(`${url}/photo.jpg`)).mimeType, "image/jpeg");
      assert.equal((await fetchFile(`${url}/photo`)).mimeType, "image/png");
    },
  );
});

Deno.test("a file of unknown type is a 400", async () => {
  await withServer(() => new Response(new Uint8Array([1, 2, 3])), async (url) => {
    await assertRejectsInvalid(
      () => createFileFetcher(LOCAL)(`${url}/blob`),
      null,
      /media type/,
    );
  });
});

Deno.test("a non-2xx answer is a 400 with its status", async () => {
  await withServer(() => new Response("nope", { status: 404 }), async (url) => {
    await assertRejectsInvalid(
      () => createFileFetcher(LOCAL)(`${url}/missing.png`),
      null,
      /could not fetch .*missing\.png \(HTTP 404\)/i,
    );
  });
});

Deno.test("a file larger than the limit is refused from its Content-Length", async () => {
  await withServer(() => new Response(new Uint8Array(2048)), async (url) => {
    await assertRejectsInvalid(() => createFileFetcher(LOCAL)(`${url}/big`), null, /too large/);
  });
});

Deno.test("a streamed file is cut off as soon as it grows past the limit", async () => {
  await withServer(
    () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.enqueue(new Uint8Array(512));
          },
        }),
      ),
    async (url) => {
      await assertRejectsInvalid(
        () => createFileFetcher(LOCAL)(`${url}/endless`),
        null,
        /too large/,
      );
    },
  );
});

Deno.test("a server that does not answer in time is a 400 timeout", async () => {
  const { promise: released, resolve: release } = Promise.withResolvers<void>();
  await withServer(
    async () => {
      await released;
      return new Response(null);
    },
    async (url) => {
      const fetchFile = createFileFetcher({ ...LOCAL, fetchTimeoutMs: 100 });
      try {
        await assertRejectsInvalid(() => fetchFile(`${url}/slow`), null, /Timed out after 100 ms/);
      } finally {
        release();
      }
    },
  );
});

Deno.test("a body that stalls past the timeout is a 400 timeout", async () => {
  let stop = () => {};
  await withServer(
    () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new Uint8Array(4));
            stop = () => controller.close();
          },
        }),
      ),
    async (url) => {
      const fetchFile = createFileFetcher({ ...LOCAL, fetchTimeoutMs: 100 });
      try {
        await assertRejectsInvalid(() => fetchFile(`${url}/stall`), null, /Timed out/);
      } finally {
        stop();
      }
    },
  );
});

Deno.test("redirects are followed", async () => {
  await withServer(
    (request) => {
      const path = new URL(request.url).pathname;
      if (path === "/a") return Response.redirect(new URL("/b", request.url), 301);
      if (path === "/b") return new Response(null, { status: 307, headers: { location: "c.png" } });
      return new Response(PNG, { headers: { "content-type": "image/png" } });
    },
    async (url, hits) => {
      const blob = await createFileFetcher(LOCAL)(`${url}/a`);
      assert.equal(blob.mimeType, "image/png");
      assert.equal(hits(), 3);
    },
  );
});

Deno.test("more than five redirects is a 400", async () => {
  await withServer(
    (request) => Response.redirect(request.url, 302),
    async (url, hits) => {
      await assertRejectsInvalid(() => createFileFetcher(LOCAL)(`${url}/loop`), null, /redirects/);
      assert.equal(hits(), 6);
    },
  );
});

Deno.test("a redirect to another scheme is a 400", async () => {
  await withServer(
    () => new Response(null, { status: 302, headers: { location: "file:///etc/passwd" } }),
    async (url) => {
      await assertRejectsInvalid(
        () => createFileFetcher(LOCAL)(`${url}/x`),
        null,
        /http and https/,
      );
    },
  );
});

Deno.test("only http and https URLs are fetched", async () => {
  const fetchFile = createFileFetcher(LOCAL);
  await assertRejectsInvalid(() => fetchFile("ftp://example.com/a.png"), null, /http and https/);
  await assertRejectsInvalid(() => fetchFile("not a url"), null, /Invalid URL/);
});

Deno.test("private addresses are refused unless allowed, before any request", async () => {
  await withServer(() => new Response(PNG), async (url, hits) => {
    const fetchFile = createFileFetcher({ ...LOCAL, allowPrivateUrlFetch: false });
    const port = new URL(url).port;
    for (
      const target of [
        `${url}/a.png`,
        `http://localhost:${port}/a.png`,
        `http://[::1]:${port}/a.png`,
        `http://0x7f.1:${port}/a.png`,
        "http://10.0.0.1/a.png",
        "http://169.254.169.254/latest/meta-data",
        "http://[fd00::1]/a.png",
        "http://[::ffff:192.168.0.1]/a.png",
        "http://intranet/a.png",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://printer.local/a.png",
        "http://app.localhost/a.png",
      ]
    ) {
      await assertRejectsInvalid(() => fetchFile(target), null, /Refusing to fetch/);
    }
    assert.equal(hits(), 0);
  });
});

Deno.test("host names resolving to a private address are refused", async () => {
  const resolved: string[] = [];
  const resolveDns: ResolveDns = (host, type) => {
    resolved.push(`${host} ${type}`);
    return Promise.resolve(type === "A" ? ["93.184.216.34"] : ["fe80::1"]);
  };
  const fetchFile = createFileFetcher({ ...LOCAL, allowPrivateUrlFetch: false }, resolveDns);
  await assertRejectsInvalid(
    () => fetchFile("https://sneaky.example/a.png"),
    null,
    /sneaky\.example resolves to the private address fe80::1/,
  );
  assert.deepEqual(resolved.sort(), ["sneaky.example A", "sneaky.example AAAA"]);
});

Deno.test("a resolver that does not answer in time is a 400 timeout", async () => {
  const hang: ResolveDns = (_host, _type, signal) =>
    new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
  const fetchFile = createFileFetcher(
    { ...LOCAL, allowPrivateUrlFetch: false, fetchTimeoutMs: 50 },
    hang,
  );
  await assertRejectsInvalid(() => fetchFile("https://slow.example/a.png"), null, /Timed out/);
});

Deno.test("a host name that does not resolve is a 400", async () => {
  const notFound = () =>
    Promise.reject(Object.assign(new Error("no record"), { name: "NotFound" }));
  const fetchFile = createFileFetcher({ ...LOCAL, allowPrivateUrlFetch: false }, notFound);
  await assertRejectsInvalid(() => fetchFile("https://nowhere.example/a.png"), null, /resolve/);
});

Deno.test("isPrivateAddress recognises non-public IPv4 addresses", () => {
  for (
    const address of [
      "0.0.0.0",
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "224.0.0.1",
      "255.255.255.255",
    ]
  ) {
    assert.equal(isPrivateAddress(address), true, address);
  }
  for (const address of ["8.8.8.8", "172.32.0.1", "93.184.216.34", "100.128.0.1"]) {
    assert.equal(isPrivateAddress(address), false, address);
  }
});

Deno.test("isPrivateAddress recognises non-public IPv6 addresses", () => {
  for (
    const address of [
      "::",
      "::1",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1%eth0",
      "fec0::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::127.0.0.1",
      "not an address",
    ]
  ) {
    assert.equal(isPrivateAddress(address), true, address);
  }
  for (const address of ["2001:4860:4860::8888", "2606:4700::1111", "::ffff:8.8.8.8"]) {
    assert.equal(isPrivateAddress(address), false, address);
  }
});

Deno.test("errors quote at most an excerpt of a long URL", async () => {
  const url = `ftp://${"x".repeat(100_000)}`;
  await assert.rejects(
    createFileFetcher(LOCAL)(url),
    (error) => error instanceof Error && error.message.length < 400,
  );
});
