import assert from "node:assert/strict";
import OpenAI, { toFile } from "npm:openai@7.57.0";
import { FAKE_PNG } from "../../../src/fake/media.ts";
import type { ErrorResponse, ImagesResponse } from "../../../src/openai/types.ts";
import { type Gateway, sent, startGateway } from "../../helpers/harness.ts";
import { assertSchema } from "../../helpers/openapi.ts";

const PNG = Uint8Array.fromBase64(FAKE_PNG);

/** Posts `body` to `path` and checks the answer is OpenAI's error envelope with `status`. */
async function refused(
  gw: Gateway,
  path: string,
  body: BodyInit,
  status: number,
  headers: Record<string, string> = {},
): Promise<ErrorResponse["error"]> {
  const response = await gw.request(path, { method: "POST", body, headers });
  assert.equal(response.status, status);
  const error: ErrorResponse = await response.json();
  assertSchema("ErrorResponse", error);
  return error.error;
}

Deno.test("images.generate: the default image model paints a PNG, as b64_json", async () => {
  await using gw = await startGateway();
  const answer = await gw.openai.images.generate({
    model: "gpt-image-1",
    prompt: "A lighthouse at dusk",
    size: "1536x1024",
  });
  assertSchema("ImagesResponse", answer);
  assert.equal(answer.data?.length, 1);
  assert.equal(answer.data![0].b64_json, FAKE_PNG);
  assert.equal(answer.output_format, "png");
  assert.ok(answer.usage!.input_tokens > 0);
  assert.ok(gw.fake.requests[0].path.endsWith("/models/gemini-3.1-flash-image:generateContent"));
  const request = sent(gw);
  assert.deepEqual(request.contents, [{ role: "user", parts: [{ text: "A lighthouse at dusk" }] }]);
  assert.deepEqual(request.generationConfig, {
    responseModalities: ["TEXT", "IMAGE"],
    imageConfig: { aspectRatio: "3:2", imageSize: "2K" },
  });
});

Deno.test("images.generate: n images are n calls; dall-e answers with data: URLs", async () => {
  await using gw = await startGateway({ DEFAULT_IMAGE_MODEL: "gemini-3-pro-image" });
  const answer = await gw.openai.images.generate({
    model: "dall-e-3",
    prompt: "Three cats",
    n: 3,
    size: "1024x1792",
    quality: "hd",
  });
  assertSchema("ImagesResponse", answer);
  assert.equal(gw.fake.requests.length, 3);
  assert.deepEqual(answer.data!.map((image) => image.url), [
    `data:image/png;base64,${FAKE_PNG}`,
    `data:image/png;base64,${FAKE_PNG}`,
    `data:image/png;base64,${FAKE_PNG}`,
  ]);
  assert.ok(gw.fake.requests[0].path.includes("/models/gemini-3-pro-image:"));
  assert.deepEqual(sent(gw).generationConfig?.imageConfig, {
    aspectRatio: "9:16",
    imageSize: "2K",
  });
});

Deno.test("images.generate: retired image models are answered by the current one", async () => {
  await using gw = await startGateway();
  const response = await gw.request("/v1/images/generations", {
    method: "POST",
    body: JSON.stringify({ model: "imagen-4.0-generate-001", prompt: "a fox" }),
  });
  assert.equal(response.status, 200);
  assert.equal(
    response.headers.get("x-gateway-model-substituted"),
    "imagen-4.0-generate-001 -> gemini-3.1-flash-image",
  );
  const answer: ImagesResponse = await response.json();
  assertSchema("ImagesResponse", answer);
  assert.equal(answer.data[0].b64_json, FAKE_PNG);
});

Deno.test("images.edit: uploaded pictures (octet-stream) go before the prompt", async () => {
  await using gw = await startGateway();
  const answer = await gw.openai.images.edit({
    model: "gpt-image-1",
    image: [await toFile(PNG, "a.png"), await toFile(PNG, "blob")],
    prompt: "Make it night",
    size: "1024x1024",
  });
  assertSchema("ImagesResponse", answer);
  assert.equal(answer.data![0].b64_json, FAKE_PNG);
  const parts = sent(gw).contents[0].parts!;
  assert.deepEqual(parts, [
    { inlineData: { mimeType: "image/png", data: FAKE_PNG } },
    { inlineData: { mimeType: "image/png", data: FAKE_PNG } },
    { text: "Make it night" },
  ]);
  assert.deepEqual(sent(gw).generationConfig?.imageConfig, { aspectRatio: "1:1" });
});

Deno.test("images.edit: a mask is refused clearly", async () => {
  await using gw = await startGateway();
  await assert.rejects(
    async () =>
      await gw.openai.images.edit({
        image: await toFile(PNG, "a.png"),
        mask: await toFile(PNG, "mask.png"),
        prompt: "Fill the hole",
      }),
    (error: { status: number; param: string; message: string }) => {
      assert.equal(error.status, 400);
      assert.equal(error.param, "mask");
      assert.match(error.message, /prompt/);
      return true;
    },
  );
  assert.equal(gw.fake.requests.length, 0);
});

Deno.test("images: bad sizes, formats and fields are 400s naming the field", async () => {
  await using gw = await startGateway();
  const cases: [Record<string, unknown>, string][] = [
    [{ prompt: "x", size: "big" }, "size"],
    [{ prompt: "x", size: "4000x100" }, "size"],
    [{ prompt: "x", size: "8192x8192" }, "size"],
    [{ prompt: "x", quality: "ultra" }, "quality"],
    [{ prompt: "x", n: 11 }, "n"],
    [{ prompt: "x", response_format: "png" }, "response_format"],
    [{ prompt: "x", output_format: "jpeg" }, "output_format"],
    [{ prompt: "x", background: "transparent" }, "background"],
    [{ prompt: "x", stream: "yes" }, "stream"],
    [{ prompt: "x", stream: true, partial_images: 4 }, "partial_images"],
    [{ prompt: " " }, "prompt"],
    [{}, "prompt"],
  ];
  for (const [body, param] of cases) {
    const error = await refused(gw, "/v1/images/generations", JSON.stringify(body), 400);
    assert.equal(error.param, param, JSON.stringify(body));
  }
  const form = new FormData();
  form.append("prompt", "x");
  form.append("image", new File([new TextEncoder().encode("not an image")], "notes.txt"));
  const error = await refused(gw, "/v1/images/edits", form, 400);
  assert.equal(error.param, "image");
  assert.equal(error.code, "invalid_file_format");
  const text = await refused(gw, "/v1/images/edits", "prompt=x", 400, {
    "content-type": "text/plain",
  });
  assert.equal(text.code, "invalid_content_type");
  assert.equal(gw.fake.requests.length, 0);
});

Deno.test("images.edit: a body over the limit is a 413", async () => {
  await using gw = await startGateway({ MAX_BODY_BYTES: "4096" });
  const form = new FormData();
  form.append("prompt", "x");
  form.append("image", new File([new Uint8Array(8192)], "big.png", { type: "image/png" }));
  const error = await refused(gw, "/v1/images/edits", form, 413);
  assert.equal(error.code, "request_too_large");
});

Deno.test("images: a refusal is a content_policy_violation; no picture at all a 502", async () => {
  await using gw = await startGateway();
  gw.fake.reply({ json: { promptFeedback: { blockReason: "PROHIBITED_CONTENT" } } });
  const blocked = await refused(gw, "/v1/images/generations", JSON.stringify({ prompt: "x" }), 400);
  assert.equal(blocked.code, "content_policy_violation");
  assert.match(blocked.message, /PROHIBITED_CONTENT/);
  gw.fake.reply({
    json: {
      candidates: [{
        content: { role: "model", parts: [{ text: "I can only describe it." }] },
        finishReason: "STOP",
      }],
    },
  });
  const none = await refused(gw, "/v1/images/generations", JSON.stringify({ prompt: "x" }), 502);
  assert.equal(none.code, "no_image");
  assert.match(none.message, /I can only describe it/);
});

Deno.test("images.generate: one failing call of n fails the request in OpenAI's envelope", async () => {
  await using gw = await startGateway();
  gw.fake.reply({ error: 429 });
  await assert.rejects(
    async () => await gw.openai.images.generate({ model: "gpt-image-1", prompt: "x", n: 2 }),
    (error: { status: number; type: string }) => {
      assert.equal(error.status, 429);
      assert.equal(error.type, "rate_limit_error");
      return true;
    },
  );
});

Deno.test("images use the server's keys with an access token", async () => {
  await using gw = await startGateway({ GEMINI_API_KEYS: "pool-key", ACCESS_TOKENS: "token-1" });
  const openai = new OpenAI({ apiKey: "token-1", baseURL: `${gw.url}/v1`, maxRetries: 0 });
  const image = await openai.images.generate({ model: "gpt-image-1", prompt: "x" });
  assert.equal(image.data![0].b64_json, FAKE_PNG);
  const edit = await openai.images.edit({ image: await toFile(PNG, "a.png"), prompt: "x" });
  assert.equal(edit.data![0].b64_json, FAKE_PNG);
  assert.equal(gw.fake.requests.length, 2);
  for (const request of gw.fake.requests) {
    assert.equal(request.headers.get("x-goog-api-key"), "pool-key");
  }
});

Deno.test("images.edit as JSON: data: and http(s) image_url references, fetched", async () => {
  await using gw = await startGateway();
  await using server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: () => {} },
    () => new Response(PNG, { headers: { "content-type": "image/png" } }),
  );
  const response = await gw.request("/v1/images/edits", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "gpt-image-1.5",
      prompt: "Make it night",
      images: [
        { image_url: `data:image/png;base64,${FAKE_PNG}` },
        { image_url: `http://127.0.0.1:${server.addr.port}/a.png` },
      ],
      size: "1024x1536",
    }),
  });
  assert.equal(response.status, 200);
  const answer: ImagesResponse = await response.json();
  assertSchema("ImagesResponse", answer);
  assert.equal(answer.data[0].b64_json, FAKE_PNG);
  assert.deepEqual(sent(gw).contents[0].parts, [
    { inlineData: { mimeType: "image/png", data: FAKE_PNG } },
    { inlineData: { mimeType: "image/png", data: FAKE_PNG } },
    { text: "Make it night" },
  ]);
  assert.deepEqual(sent(gw).generationConfig?.imageConfig, { aspectRatio: "2:3", imageSize: "2K" });
});

Deno.test("images.edit as JSON: masks, OpenAI file ids and non-pictures are 400s", async () => {
  await using gw = await startGateway();
  const edit = (body: Record<string, unknown>) =>
    refused(gw, "/v1/images/edits", JSON.stringify({ prompt: "x", ...body }), 400, {
      "content-type": "application/json",
    });
  const image = { image_url: `data:image/png;base64,${FAKE_PNG}` };
  const cases: [Record<string, unknown>, string][] = [
    [{ images: [image], mask: image }, "mask"],
    [{}, "images"],
    [{ images: [] }, "images"],
    [{ images: image }, "images"],
    [{ images: Array(15).fill(image) }, "images"],
    [{ images: [{}] }, "images[0].image_url"],
    [{ images: [{ ...image, file_id: "file-abc" }] }, "images[0]"],
    [{ images: [image, { file_id: "file-abc" }] }, "images[1].file_id"],
    [{ images: [{ image_url: "ftp://example.com/a.png" }] }, "images[0].image_url"],
    [
      { images: [{ image_url: `data:text/plain;base64,${btoa("hello")}` }] },
      "images[0].image_url",
    ],
  ];
  for (const [body, param] of cases) {
    assert.equal((await edit(body)).param, param, JSON.stringify(body).slice(0, 80));
  }
  assert.equal(gw.fake.requests.length, 0);
});

Deno.test("images.generate and images.edit stream: one completed event per image", async () => {
  await using gw = await startGateway();
  const stream = await gw.openai.images.generate({
    model: "gpt-image-1",
    prompt: "Two owls",
    n: 2,
    size: "1024x1536",
    quality: "high",
    stream: true,
    partial_images: 2,
  });
  const events = [];
  for await (const event of stream) {
    assertSchema("ImageGenStreamEvent", event);
    events.push(event);
  }
  assert.equal(events.length, 2);
  for (const event of events) {
    assert.equal(event.type, "image_generation.completed");
    assert.equal(event.b64_json, FAKE_PNG);
    assert.equal(event.size, "1024x1536");
    assert.equal(event.quality, "high");
    assert.equal(event.output_format, "png");
    assert.ok((event as { usage: { output_tokens: number } }).usage.output_tokens > 0);
  }
  assert.equal(gw.fake.requests.length, 2);
  const edits = await gw.openai.images.edit({
    model: "gpt-image-1",
    image: await toFile(PNG, "a.png"),
    prompt: "At night",
    size: "1792x1024",
    stream: true,
  });
  const edited = [];
  for await (const event of edits) {
    assertSchema("ImageEditStreamEvent", event);
    edited.push(event);
  }
  assert.equal(edited.length, 1);
  assert.equal(edited[0].type, "image_edit.completed");
  assert.equal(edited[0].size, "auto");
  assert.equal(edited[0].quality, "auto");
});

Deno.test("images.generate stream: failures are HTTP errors before any event", async () => {
  await using gw = await startGateway();
  gw.fake.reply({ json: { promptFeedback: { blockReason: "PROHIBITED_CONTENT" } } });
  const response = await gw.request("/v1/images/generations", {
    method: "POST",
    body: JSON.stringify({ prompt: "x", stream: true }),
  });
  assert.equal(response.status, 400);
  const error: ErrorResponse = await response.json();
  assert.equal(error.error.code, "content_policy_violation");
});
