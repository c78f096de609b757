import assert from "node:assert/strict";
import { toParts, toText } from "../../../src/openai/chat/content_parts.ts";
import { RemoteFiles } from "../../../src/core/remote_files.ts";
import { GatewayError, invalidRequest } from "../../../src/core/errors.ts";
import { assertInvalid, assertRejectsInvalid } from "../../helpers/assert_invalid.ts";

const C = "messages[1].content";
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

function convert(content: unknown) {
  return toParts(content, C, new RemoteFiles());
}

Deno.test("a string becomes one text part; an empty string none", () => {
  assert.deepEqual(convert("Hello"), [{ text: "Hello" }]);
  assert.deepEqual(convert(""), []);
});

Deno.test("text and refusal parts become text parts, empty ones dropped", () => {
  assert.deepEqual(
    convert([
      { type: "text", text: "a" },
      { type: "text", text: "" },
      { type: "refusal", refusal: "no" },
    ]),
    [{ text: "a" }, { text: "no" }],
  );
});

Deno.test("an image data URI becomes inlineData", () => {
  assert.deepEqual(
    convert([{
      type: "image_url",
      image_url: { url: `data:image/png;base64,${PNG}`, detail: "low" },
    }]),
    [{ inlineData: { mimeType: "image/png", data: PNG } }],
  );
});

Deno.test("a data URI with parameters, URL-safe base64 or percent-encoding is read", () => {
  assert.deepEqual(
    convert([{ type: "image_url", image_url: { url: "data:image/JPEG;name=x.jpg;base64,_-8=" } }]),
    [{ inlineData: { mimeType: "image/jpeg", data: "_-8=" } }],
  );
  assert.deepEqual(
    convert([{ type: "image_url", image_url: { url: "data:text/plain,hi%20there" } }]),
    [{ inlineData: { mimeType: "text/plain", data: btoa("hi there") } }],
  );
});

Deno.test("image/jpg is sent as image/jpeg, which is the type Gemini accepts", () => {
  assert.deepEqual(
    convert([{ type: "image_url", image_url: { url: "data:image/jpg;base64,/9j/4AAQ" } }]),
    [{ inlineData: { mimeType: "image/jpeg", data: "/9j/4AAQ" } }],
  );
  assert.deepEqual(
    convert([{ type: "file", file: { file_data: "data:image/jpg;base64,/9j/4AAQ" } }]),
    [{ inlineData: { mimeType: "image/jpeg", data: "/9j/4AAQ" } }],
  );
});

Deno.test("a data URI with a generic or no type is sniffed", () => {
  for (const type of ["application/octet-stream", "binary/octet-stream", ""]) {
    assert.deepEqual(
      convert([{ type: "image_url", image_url: { url: `data:${type};base64,${PNG}` } }]),
      [{ inlineData: { mimeType: "image/png", data: PNG } }],
      type,
    );
  }
  assert.deepEqual(
    convert([{
      type: "file",
      file: { file_data: "data:application/octet-stream;base64,JVBERi0xLjc=", filename: "x" },
    }]),
    [{ inlineData: { mimeType: "application/pdf", data: "JVBERi0xLjc=" } }],
  );
});

Deno.test("file_data as bare base64 without a known filename is sniffed", () => {
  assert.deepEqual(convert([{ type: "file", file: { file_data: PNG } }]), [
    { inlineData: { mimeType: "image/png", data: PNG } },
  ]);
  assert.deepEqual(convert([{ type: "file", file: { file_data: PNG, filename: "scan" } }]), [
    { inlineData: { mimeType: "image/png", data: PNG } },
  ]);
});

Deno.test("malformed data URIs and bad base64 are 400s naming the url", () => {
  const url = `${C}[0].image_url.url`;
  const image = (value: string) => [{ type: "image_url", image_url: { url: value } }];
  assertInvalid(() => convert(image("data:image/png;base64")), url, /malformed/);
  assertInvalid(() => convert(image("data:image/png;base64,@@@@")), url, /base64/);
  assertInvalid(() => convert(image("data:image/png;base64,abcde")), url, /base64/);
  assertInvalid(() => convert(image("data:;base64,AAAA")), url, /media type/);
  assertInvalid(() => convert(image("data:application/octet-stream;base64,AAAA")), url, /type/);
  assertInvalid(() => convert(image("data:text/plain,%E0%A4%A")), url, /percent/);
});

Deno.test("an image_url that is not http(s) or data: is a 400", () => {
  assertInvalid(
    () => convert([{ type: "image_url", image_url: { url: "file:///etc/passwd" } }]),
    `${C}[0].image_url.url`,
    /http/,
  );
  assertInvalid(
    () => convert([{ type: "image_url", image_url: {} }]),
    `${C}[0].image_url.url`,
    /Missing/,
  );
  assertInvalid(() => convert([{ type: "image_url", image_url: 5 }]), `${C}[0].image_url`);
});

Deno.test("Files API and YouTube URLs become fileData", () => {
  const file = "https://generativelanguage.googleapis.com/v1beta/files/abc-123";
  const urls = [
    "https://www.youtube.com/watch?v=9hE5-98ZeCg",
    "https://youtu.be/9hE5-98ZeCg",
    "https://youtube.com/shorts/abc",
    "https://m.youtube.com/watch?v=x",
  ];
  assert.deepEqual(convert([{ type: "image_url", image_url: { url: file } }]), [
    { fileData: { fileUri: file } },
  ]);
  for (const url of urls) {
    assert.deepEqual(convert([{ type: "image_url", image_url: { url } }]), [
      { fileData: { fileUri: url, mimeType: "video/mp4" } },
    ]);
  }
});

Deno.test("http(s) images are recorded and fetched later, in parallel, in place", async () => {
  const files = new RemoteFiles();
  const parts = toParts(
    [
      { type: "text", text: "look" },
      { type: "image_url", image_url: { url: "https://example.com/a.png" } },
      { type: "image_url", image_url: "https://example.com/b.png" },
    ],
    C,
    files,
  );
  assert.deepEqual(parts, [{ text: "look" }, {}, {}]);
  const fetched: string[] = [];
  await files.fetchAll((url) => {
    fetched.push(url);
    return Promise.resolve({
      mimeType: "image/png",
      data: url.endsWith("a.png") ? "QQ==" : "Qg==",
    });
  });
  assert.deepEqual(fetched, ["https://example.com/a.png", "https://example.com/b.png"]);
  assert.deepEqual(parts, [
    { text: "look" },
    { inlineData: { mimeType: "image/png", data: "QQ==" } },
    { inlineData: { mimeType: "image/png", data: "Qg==" } },
  ]);
});

Deno.test("a fetch failure is a 400 naming the url's field", async () => {
  const files = new RemoteFiles();
  toParts(
    [{ type: "text", text: "x" }, {
      type: "image_url",
      image_url: { url: "https://example.com/missing.png" },
    }],
    C,
    files,
  );
  await assertRejectsInvalid(
    () => files.fetchAll(() => Promise.reject(invalidRequest("Could not fetch it (HTTP 404)."))),
    `${C}[1].image_url.url`,
    /HTTP 404/,
  );
});

Deno.test("an unexpected fetch failure is passed on unchanged", async () => {
  const files = new RemoteFiles();
  toParts([{ type: "image_url", image_url: { url: "https://example.com/a.png" } }], C, files);
  const failure = new GatewayError(500, "boom", "server_error");
  await assert.rejects(() => files.fetchAll(() => Promise.reject(failure)), (error) => {
    assert.equal(error, failure);
    return true;
  });
});

Deno.test("input_audio becomes inlineData with the format's audio type", () => {
  const formats: Record<string, string> = {
    wav: "audio/wav",
    mp3: "audio/mp3",
    aiff: "audio/aiff",
    aac: "audio/aac",
    ogg: "audio/ogg",
    flac: "audio/flac",
    m4a: "audio/m4a",
    WAV: "audio/wav",
  };
  for (const [format, mimeType] of Object.entries(formats)) {
    assert.deepEqual(convert([{ type: "input_audio", input_audio: { data: "AAAA", format } }]), [
      { inlineData: { mimeType, data: "AAAA" } },
    ]);
  }
});

Deno.test("pcm16 audio is wrapped in a 24 kHz mono WAV header", () => {
  const [part] = convert([{
    type: "input_audio",
    input_audio: { data: "AQIDBA==", format: "pcm16" },
  }]);
  assert.equal(part.inlineData?.mimeType, "audio/wav");
  const wav = Uint8Array.fromBase64(part.inlineData!.data);
  const view = new DataView(wav.buffer);
  assert.equal(new TextDecoder().decode(wav.slice(0, 4)), "RIFF");
  assert.equal(new TextDecoder().decode(wav.slice(8, 12)), "WAVE");
  assert.equal(view.getUint32(4, true), 40);
  assert.equal(view.getUint16(22, true), 1);
  assert.equal(view.getUint32(24, true), 24000);
  assert.equal(view.getUint16(34, true), 16);
  assert.equal(view.getUint32(40, true), 4);
  assert.deepEqual([...wav.slice(44)], [1, 2, 3, 4]);
});

Deno.test("bad input_audio is a 400 naming the field", () => {
  const audio = (input_audio: unknown) => [{ type: "input_audio", input_audio }];
  assertInvalid(
    () => convert(audio({ data: "AAAA", format: "midi" })),
    `${C}[0].input_audio.format`,
  );
  assertInvalid(
    () => convert(audio({ data: "not base64!", format: "wav" })),
    `${C}[0].input_audio.data`,
  );
  assertInvalid(() => convert(audio({ format: "wav" })), `${C}[0].input_audio.data`);
  assertInvalid(() => convert(audio("x")), `${C}[0].input_audio`);
});

Deno.test("file_data as a data URI becomes inlineData with its type", () => {
  assert.deepEqual(
    convert([{
      type: "file",
      file: { file_data: "data:application/pdf;base64,JVBERi0=", filename: "a.pdf" },
    }]),
    [{ inlineData: { mimeType: "application/pdf", data: "JVBERi0=" } }],
  );
});

Deno.test("file_data as bare base64 takes its type from the filename", () => {
  const file = (filename: string) => [{ type: "file", file: { file_data: "aGk=", filename } }];
  assert.deepEqual(convert(file("notes.txt")), [{
    inlineData: { mimeType: "text/plain", data: "aGk=" },
  }]);
  assert.deepEqual(convert(file("r.md")), [{
    inlineData: { mimeType: "text/markdown", data: "aGk=" },
  }]);
  assert.deepEqual(convert(file("t.csv")), [{
    inlineData: { mimeType: "text/csv", data: "aGk=" },
  }]);
  assert.deepEqual(convert(file("p.html")), [{
    inlineData: { mimeType: "text/html", data: "aGk=" },
  }]);
  assert.deepEqual(convert(file("d.json")), [{
    inlineData: { mimeType: "application/json", data: "aGk=" },
  }]);
  assert.deepEqual(convert(file("i.png")), [{
    inlineData: { mimeType: "image/png", data: "aGk=" },
  }]);
  assert.deepEqual(convert(file("i.jpg")), [{
    inlineData: { mimeType: "image/jpeg", data: "aGk=" },
  }]);
});

Deno.test("a data URI without a type takes the type from the filename", () => {
  assert.deepEqual(
    convert([{ type: "file", file: { file_data: "data:;base64,aGk=", filename: "a.pdf" } }]),
    [{ inlineData: { mimeType: "application/pdf", data: "aGk=" } }],
  );
});

Deno.test("a file of unknown type is a 400", () => {
  assertInvalid(
    () => convert([{ type: "file", file: { file_data: "aGk=", filename: "a.xyz" } }]),
    `${C}[0].file.filename`,
    /a\.xyz/,
  );
  assertInvalid(
    () => convert([{ type: "file", file: { file_data: "aGk=" } }]),
    `${C}[0].file.file_data`,
  );
  assertInvalid(
    () => convert([{ type: "file", file: { file_data: "%%%", filename: "a.pdf" } }]),
    `${C}[0].file.file_data`,
    /base64/,
  );
});

Deno.test("a Files API file_id becomes fileData", () => {
  assert.deepEqual(convert([{ type: "file", file: { file_id: "files/abc" } }]), [
    { fileData: { fileUri: "https://generativelanguage.googleapis.com/v1beta/files/abc" } },
  ]);
  const uri = "https://generativelanguage.googleapis.com/v1beta/files/xyz";
  assert.deepEqual(convert([{ type: "file", file: { file_id: uri, filename: "doc.pdf" } }]), [
    { fileData: { fileUri: uri, mimeType: "application/pdf" } },
  ]);
});

Deno.test("other file ids, and files with neither data nor id, are 400s", () => {
  assertInvalid(
    () => convert([{ type: "file", file: { file_id: "file-abc123" } }]),
    `${C}[0].file.file_id`,
    /Files API/,
  );
  assertInvalid(() => convert([{ type: "file", file: {} }]), `${C}[0].file.file_id`, /Missing/);
});

Deno.test("unknown part types and malformed parts are 400s naming them", () => {
  assertInvalid(
    () => convert([{ type: "video", video: {} }]),
    `${C}[0].type`,
    /unknown content part type/,
  );
  assertInvalid(() => convert([{ text: "no type" }]), `${C}[0].type`, /Missing/);
  assertInvalid(() => convert(["text"]), `${C}[0]`, /object/);
  assertInvalid(() => convert([{ type: "text", text: 1 }]), `${C}[0].text`);
  assertInvalid(() => convert({ type: "text", text: "x" }), C, /string or array/);
});

Deno.test("toText joins text parts and rejects other parts", () => {
  assert.equal(toText("plain", C), "plain");
  assert.equal(toText([{ type: "text", text: "a" }, { type: "text", text: "b" }], C), "a\nb");
  assertInvalid(
    () => toText([{ type: "image_url", image_url: { url: "https://x" } }], C),
    `${C}[0].type`,
    /only text/,
  );
  assertInvalid(() => toText(undefined, C), C, /Missing/);
  assertInvalid(() => toText(5, C), C);
});
