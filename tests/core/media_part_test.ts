import assert from "node:assert/strict";
import { base64Part, fileIdPart, urlPart } from "../../src/core/media_part.ts";
import { RemoteFiles } from "../../src/core/remote_files.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toBase64();

Deno.test("a data: URI becomes inlineData; its type is read or sniffed", () => {
  const files = new RemoteFiles();
  assert.deepEqual(urlPart("data:image/jpeg;base64,AAAA", "url", files), {
    inlineData: { mimeType: "image/jpeg", data: "AAAA" },
  });
  assert.deepEqual(urlPart(`data:;base64,${PNG}`, "url", files), {
    inlineData: { mimeType: "image/png", data: PNG },
  });
});

Deno.test("Files API and YouTube URLs are left to Gemini; other URLs are fetched later", () => {
  const files = new RemoteFiles();
  const uri = "https://generativelanguage.googleapis.com/v1beta/files/abc";
  assert.deepEqual(urlPart(uri, "url", files), { fileData: { fileUri: uri } });
  assert.deepEqual(urlPart("https://youtu.be/x", "url", files), {
    fileData: { fileUri: "https://youtu.be/x", mimeType: "video/mp4" },
  });
  assert.deepEqual(urlPart("https://example.com/a.png", "url", files), {});
  assertInvalid(() => urlPart("ftp://x", "url", files), "url", /http\(s\) URL/);
});

Deno.test("base64 takes the given type, else the bytes', else the file name's", () => {
  const files = new RemoteFiles();
  assert.equal(base64Part("AAAA", "image/webp", "d", files).inlineData?.mimeType, "image/webp");
  assert.equal(base64Part(PNG, undefined, "d", files).inlineData?.mimeType, "image/png");
  assert.equal(
    base64Part("AAAA", undefined, "d", files, "a.pdf").inlineData?.mimeType,
    "application/pdf",
  );
  assertInvalid(() => base64Part("AAAA", undefined, "d", files), "d", /media type/);
  assertInvalid(() => base64Part("AAAA", undefined, "d", files, "a.zzz", "n"), "n");
  assertInvalid(() => base64Part("not base64!", "image/png", "d", files), "d", /base64/);
});

Deno.test("a Files API id becomes fileData; anything else is a 400", () => {
  const files = new RemoteFiles();
  assert.deepEqual(fileIdPart("files/abc", "id", files, "a.pdf"), {
    fileData: {
      fileUri: "https://generativelanguage.googleapis.com/v1beta/files/abc",
      mimeType: "application/pdf",
    },
  });
  assertInvalid(() => fileIdPart("file-123", "id", files), "id", /Files API/);
});
