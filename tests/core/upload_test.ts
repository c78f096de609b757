import assert from "node:assert/strict";
import { MediaBudget } from "../../src/core/media_budget.ts";
import { uploadedBlob } from "../../src/core/upload.ts";

const AUDIO = { noun: "an audio file", mimeTypes: ["audio/wav", "audio/mp3"], names: "WAV or MP3" };
const WAV = new TextEncoder().encode("RIFF\0\0\0\0WAVEfmt data");

Deno.test("uploadedBlob: the declared type, else the bytes', else the name's", async () => {
  const budget = new MediaBudget();
  assert.deepEqual(
    await uploadedBlob(
      new File([WAV], "x", { type: "application/octet-stream" }),
      "file",
      AUDIO,
      budget,
    ),
    { mimeType: "audio/wav", data: WAV.toBase64() },
  );
  assert.equal(
    (await uploadedBlob(new File([WAV], "x.mp3", { type: "audio/mp3" }), "file", AUDIO, budget))
      .mimeType,
    "audio/mp3",
  );
  assert.equal(
    (await uploadedBlob(new File(["...."], "talk.mp3"), "file", AUDIO, budget)).mimeType,
    "audio/mp3",
  );
  const mp3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0]);
  for (const type of ["audio/mpga", "video/mpeg", "audio/mpeg3"]) {
    assert.equal(
      (await uploadedBlob(new File([mp3], "talk.mpga", { type }), "file", AUDIO, budget)).mimeType,
      "audio/mp3",
      `${type}: the bytes tell`,
    );
  }
});

Deno.test("uploadedBlob: other types, empty files and budgets overrun are refused", async () => {
  const budget = new MediaBudget();
  await assert.rejects(
    () => uploadedBlob(new File(["hello"], "notes.txt"), "file", AUDIO, budget),
    { status: 400, param: "file", code: "invalid_file_format" },
  );
  await assert.rejects(() => uploadedBlob(new File([], "a.wav"), "file", AUDIO, budget), {
    status: 400,
    param: "file",
  });
  const small = new MediaBudget({ maxMediaBytes: 4, maxMediaParts: 10 });
  await assert.rejects(() => uploadedBlob(new File([WAV], "a.wav"), "file", AUDIO, small), {
    status: 413,
  });
});
