import assert from "node:assert/strict";
import {
  FAKE_PNG,
  isImageModel,
  isSpeechModel,
  mediaParts,
  mediaRefusal,
  SAMPLES_PER_CHARACTER,
  TRANSCRIPT,
  transcription,
  TTS_MIME_TYPE,
} from "../../src/fake/media.ts";
import type { GenerateContentRequest } from "../../src/gemini/types.ts";

const ask = (
  text: string,
  extra: Partial<GenerateContentRequest> = {},
): GenerateContentRequest => ({
  contents: [{ role: "user", parts: [{ text }] }],
  ...extra,
});

Deno.test("the fake knows its image and speech models", () => {
  assert.ok(isImageModel("gemini-3.1-flash-image") && isImageModel("gemini-3-pro-image"));
  assert.ok(isSpeechModel("gemini-3.8-flash-tts") && isSpeechModel("gemini-3.1-flash-tts-preview"));
  assert.ok(!isImageModel("gemini-3.8-flash") && !isSpeechModel("gemini-3.5-transcribe"));
});

Deno.test("speech models: PCM audio as long as the text; no system instruction; AUDIO only", () => {
  const parts = mediaParts("gemini-3.8-flash-tts", ask("Hello"), "")!;
  assert.equal(parts[0].inlineData?.mimeType, TTS_MIME_TYPE);
  assert.equal(
    Uint8Array.fromBase64(parts[0].inlineData!.data).length,
    5 * SAMPLES_PER_CHARACTER * 2,
  );
  const audio = { generationConfig: { responseModalities: ["AUDIO"] } };
  assert.equal(mediaRefusal("gemini-3.8-flash-tts", ask("Hi", audio)), undefined);
  assert.match(
    mediaRefusal(
      "gemini-3.8-flash-tts",
      ask("Hi", { ...audio, systemInstruction: { parts: [{ text: "x" }] } }),
    )!
      .error.message,
    /Developer instruction is not enabled/,
  );
  assert.match(mediaRefusal("gemini-3.8-flash-tts", ask("Hi"))!.error.message, /AUDIO/);
  assert.equal(mediaRefusal("gemini-3.8-flash", ask("Hi", audio))?.error.code, 400);
});

Deno.test("image models: a PNG part when IMAGE is asked for, after the text with TEXT", () => {
  const both = ask("cat", { generationConfig: { responseModalities: ["TEXT", "IMAGE"] } });
  assert.deepEqual(mediaParts("gemini-3.1-flash-image", both, "Here"), [
    { text: "Here" },
    { inlineData: { mimeType: "image/png", data: FAKE_PNG } },
  ]);
  const image = ask("cat", { generationConfig: { responseModalities: ["image"] } });
  assert.equal(mediaParts("gemini-3.1-flash-image", image, "Here")!.length, 1);
  assert.equal(mediaParts("gemini-3.1-flash-image", ask("cat"), "Here"), undefined);
  assert.equal(mediaRefusal("gemini-3.1-flash-image", both), undefined);
  assert.equal(mediaRefusal("gemini-3.8-flash", both)?.error.code, 400);
});

Deno.test("transcription models: the transcript as text, or the schema's fields of it", () => {
  const audio = { inlineData: { mimeType: "audio/wav", data: "UklGRg==" } };
  const heard = (generationConfig?: GenerateContentRequest["generationConfig"]) =>
    transcription("gemini-3.5-transcribe", {
      contents: [{ role: "user", parts: [audio, { text: "Transcribe" }] }],
      generationConfig,
    });
  assert.equal(heard(), TRANSCRIPT);
  const json = JSON.parse(
    heard({
      responseMimeType: "application/json",
      responseJsonSchema: { type: "object", properties: { text: {}, segments: {} } },
    })!,
  );
  assert.deepEqual(Object.keys(json), ["text", "segments"]);
  assert.equal(json.segments.length, 2);
  assert.equal(json.segments[0].speaker, undefined);
  const diarized = JSON.parse(
    heard({
      responseMimeType: "application/json",
      responseJsonSchema: {
        type: "object",
        properties: { segments: { type: "array", items: { properties: { speaker: {} } } } },
      },
    })!,
  );
  assert.deepEqual(diarized.segments.map((segment: { speaker: string }) => segment.speaker), [
    "A",
    "B",
  ]);
  assert.equal(transcription("gemini-3.8-flash", { contents: [{ parts: [audio] }] }), undefined);
  assert.equal(transcription("gemini-3.5-transcribe", ask("no audio")), undefined);
});
