import assert from "node:assert/strict";
import { mimeTypeFromName, normalizeMimeType, sniffMimeType } from "../../src/core/mime.ts";

Deno.test("mimeTypeFromName knows common document, image, audio and video extensions", () => {
  assert.equal(mimeTypeFromName("report.PDF"), "application/pdf");
  assert.equal(mimeTypeFromName("notes.md"), "text/markdown");
  assert.equal(mimeTypeFromName("data.csv"), "text/csv");
  assert.equal(mimeTypeFromName("/images/cat.jpg"), "image/jpeg");
  assert.equal(mimeTypeFromName("song.mp3"), "audio/mp3");
  assert.equal(mimeTypeFromName("clip.mov"), "video/quicktime");
});

Deno.test("mimeTypeFromName answers undefined for unknown or missing extensions", () => {
  assert.equal(mimeTypeFromName("archive.xyz"), undefined);
  assert.equal(mimeTypeFromName("README"), undefined);
});

Deno.test("sniffMimeType recognises PNG, JPEG, GIF, WEBP and PDF", () => {
  const bytes = (...values: number[]) => new Uint8Array([...values, 0, 0, 0, 0]);
  assert.equal(sniffMimeType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), "image/png");
  assert.equal(sniffMimeType(bytes(0xff, 0xd8, 0xff, 0xe0)), "image/jpeg");
  assert.equal(sniffMimeType(new TextEncoder().encode("GIF89a...")), "image/gif");
  assert.equal(sniffMimeType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 ")), "image/webp");
  assert.equal(sniffMimeType(new TextEncoder().encode("%PDF-1.7")), "application/pdf");
});

Deno.test("sniffMimeType answers undefined for other or short content", () => {
  assert.equal(sniffMimeType(new TextEncoder().encode("hello world")), undefined);
  assert.equal(sniffMimeType(new Uint8Array([0x89, 0x50])), undefined);
  assert.equal(sniffMimeType(new TextEncoder().encode("RIFF\0\0\0\0AVI LIST")), undefined);
  assert.equal(sniffMimeType(new Uint8Array([0xff, 0x00, 0x00])), undefined);
});

Deno.test("normalizeMimeType writes types the way Gemini accepts them", () => {
  assert.equal(normalizeMimeType("image/jpg"), "image/jpeg");
  assert.equal(normalizeMimeType(" Image/PNG; charset=binary"), "image/png");
  assert.equal(normalizeMimeType("application/pdf"), "application/pdf");
});

Deno.test("normalizeMimeType answers undefined for missing and generic types", () => {
  for (const type of [undefined, null, "", "application/octet-stream", "Binary/Octet-Stream"]) {
    assert.equal(normalizeMimeType(type), undefined, String(type));
  }
});

Deno.test("sniffMimeType recognises WAV, AIFF, FLAC, OGG, MP3, AAC, M4A, MP4 and WebM", () => {
  const text = (value: string) => new TextEncoder().encode(value);
  const bytes = (...values: number[]) => new Uint8Array(values);
  assert.equal(sniffMimeType(text("RIFF\0\0\0\0WAVEfmt ")), "audio/wav");
  assert.equal(sniffMimeType(text("FORM\0\0\0\0AIFFCOMM")), "audio/aiff");
  assert.equal(sniffMimeType(text("FORM\0\0\0\0AIFCFVER")), "audio/aiff");
  assert.equal(sniffMimeType(text("fLaC\0\0\0\x22")), "audio/flac");
  assert.equal(sniffMimeType(text("OggS\0\x02")), "audio/ogg");
  assert.equal(sniffMimeType(text("ID3\x04\0\0")), "audio/mp3");
  assert.equal(sniffMimeType(bytes(0xff, 0xfb, 0x90, 0x64)), "audio/mp3");
  assert.equal(sniffMimeType(bytes(0xff, 0xf3, 0x90, 0x64)), "audio/mp3");
  assert.equal(sniffMimeType(bytes(0xff, 0xf1, 0x50, 0x80)), "audio/aac");
  assert.equal(sniffMimeType(bytes(0xff, 0xf9, 0x50, 0x80)), "audio/aac");
  assert.equal(sniffMimeType(text("\0\0\0\x20ftypM4A \0\0")), "audio/mp4");
  assert.equal(sniffMimeType(text("\0\0\0\x20ftypisom\0\0")), "video/mp4");
  assert.equal(sniffMimeType(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f)), "video/webm");
});
