import assert from "node:assert/strict";
import { GatewayError } from "../../src/core/errors.ts";
import { readFormData, readJsonObject } from "../../src/http/body.ts";
import { captureConsole } from "../helpers/console.ts";
import { startGateway } from "../helpers/harness.ts";

const post = (body: BodyInit, headers?: HeadersInit) =>
  new Request("http://gateway/v1/chat/completions", { method: "POST", body, headers });

const failsWith = (status: number, code: string) => (error: unknown) =>
  error instanceof GatewayError && error.status === status && error.code === code;

Deno.test("reads a JSON object", async () => {
  assert.deepEqual(await readJsonObject(post('{"a":1}'), 100), { a: 1 });
});

Deno.test("malformed JSON and non-objects are 400s", async () => {
  await assert.rejects(readJsonObject(post("{oops"), 100), failsWith(400, "invalid_json"));
  await assert.rejects(readJsonObject(post("[1]"), 100), failsWith(400, "invalid_json"));
  await assert.rejects(readJsonObject(post(""), 100), failsWith(400, "invalid_json"));
});

Deno.test("a body over the limit is a 413, by header or by its bytes", async () => {
  await assert.rejects(
    readJsonObject(post("{}", { "content-length": "5000" }), 100),
    failsWith(413, "request_too_large"),
  );
  const streamed = new ReadableStream({
    start(controller) {
      for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(50));
      controller.close();
    },
  });
  await assert.rejects(readJsonObject(post(streamed), 100), failsWith(413, "request_too_large"));
});

Deno.test("a body nested deeper than 100 levels is a 400 naming where", async () => {
  const body = `{"messages":[${'{"a":'.repeat(200)}1${"}".repeat(200)}]}`;
  await assert.rejects(readJsonObject(post(body), 1_000_000), (error) => {
    assert.ok(failsWith(400, "too_deep")(error));
    assert.match((error as GatewayError).param!, /^messages\[0\]\.a\.a\.a/);
    assert.ok((error as GatewayError).param!.length <= 101);
    return true;
  });
});

Deno.test("readFormData: a multipart form within the limit; 413 past it; 400 for no form", async () => {
  const form = new FormData();
  form.append("prompt", "hi");
  form.append("file", new File(["abc"], "a.txt"));
  const read = await readFormData(post(form), 10_000);
  assert.equal(read.get("prompt"), "hi");
  assert.equal((read.get("file") as File).name, "a.txt");
  const big = new FormData();
  big.append("file", new File([new Uint8Array(5000)], "big.bin"));
  await assert.rejects(() => readFormData(post(big), 1024), failsWith(413, "request_too_large"));
  await assert.rejects(
    () => readFormData(post("{}", { "content-type": "application/json" }), 1024),
    failsWith(400, "invalid_content_type"),
  );
  await assert.rejects(
    () =>
      readFormData(post("garbage", { "content-type": "multipart/form-data; boundary=x" }), 1024),
    failsWith(400, "invalid_multipart"),
  );
});

Deno.test("a body with a declared length within the limit is read at once", async () => {
  const body = '{"model":"m","messages":[]}';
  const request = post(body, { "content-length": String(body.length) });
  assert.deepEqual(await readJsonObject(request, 100), { model: "m", messages: [] });
  const lying = post('{"padding":"' + "x".repeat(200) + '"}', { "content-length": "10" });
  await assert.rejects(readJsonObject(lying, 100), failsWith(413, "request_too_large"));
});

Deno.test("a body that breaks off is a 400, not a failure of the gateway", async () => {
  const broken = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"model":'));
      controller.error(new Deno.errors.BadResource("connection closed"));
    },
  });
  await assert.rejects(readJsonObject(post(broken), 100), failsWith(400, "incomplete_body"));
});

Deno.test("a client that goes away while sending its body logs nothing", async () => {
  using logs = captureConsole();
  await using gw = await startGateway();
  for (const length of ["1000", null]) {
    const connection = await Deno.connect({
      hostname: "127.0.0.1",
      port: Number(new URL(gw.url).port),
    });
    const framing = length ? `content-length: ${length}` : "transfer-encoding: chunked";
    const start = length ? '{"model":' : '9\r\n{"model":\r\n';
    await connection.write(new TextEncoder().encode(
      `POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\nauthorization: Bearer k\r\n` +
        `content-type: application/json\r\n${framing}\r\n\r\n${start}`,
    ));
    await new Promise((resolve) => setTimeout(resolve, 50));
    connection.close();
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(logs.lines, []);
});
