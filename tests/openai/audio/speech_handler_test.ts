import assert from "node:assert/strict";
import { SAMPLES_PER_CHARACTER } from "../../../src/fake/media.ts";
import type { ErrorResponse } from "../../../src/openai/types.ts";
import { type Gateway, sent, startGateway } from "../../helpers/harness.ts";
import { assertSchema } from "../../helpers/openapi.ts";

/** The PCM bytes the fake reads `text` as. */
const pcmLength = (text: string) => text.length * SAMPLES_PER_CHARACTER * 2;

/** Checks `bytes` is a 16-bit mono WAV at `rate` with `dataLength` bytes of samples. */
function assertWav(bytes: Uint8Array, rate: number, dataLength: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => new TextDecoder().decode(bytes.subarray(at, at + 4));
  assert.equal(tag(0), "RIFF");
  assert.equal(view.getUint32(4, true), bytes.length - 8);
  assert.equal(tag(8), "WAVE");
  assert.equal(tag(12), "fmt ");
  assert.equal(view.getUint16(20, true), 1, "PCM");
  assert.equal(view.getUint16(22, true), 1, "mono");
  assert.equal(view.getUint32(24, true), rate);
  assert.equal(view.getUint16(34, true), 16);
  assert.equal(tag(36), "data");
  assert.equal(view.getUint32(40, true), dataLength);
  assert.equal(bytes.length, 44 + dataLength);
}

async function refused(gw: Gateway, body: unknown, status = 400): Promise<ErrorResponse["error"]> {
  const response = await gw.request("/v1/audio/speech", {
    method: "POST",
    body: JSON.stringify(body),
  });
  assert.equal(response.status, status);
  const error: ErrorResponse = await response.json();
  assertSchema("ErrorResponse", error);
  return error.error;
}

Deno.test("audio.speech.create wav: a valid WAV of the right length, the voice mapped", async () => {
  await using gw = await startGateway();
  const input = "Hello from the gateway";
  const response = await gw.openai.audio.speech.create({
    model: "tts-1",
    voice: "alloy",
    input,
    response_format: "wav",
  });
  assert.equal(response.headers.get("content-type"), "audio/wav");
  assert.equal(
    response.headers.get("x-gateway-model-substituted"),
    "tts-1 -> gemini-3.8-flash-tts",
  );
  assertWav(new Uint8Array(await response.arrayBuffer()), 24000, pcmLength(input));
  assert.ok(gw.fake.requests[0].path.endsWith("/models/gemini-3.8-flash-tts:generateContent"));
  const request = sent(gw);
  assert.equal(request.systemInstruction, undefined);
  assert.deepEqual(request.contents, [{ role: "user", parts: [{ text: input }] }]);
  assert.deepEqual(request.generationConfig, {
    responseModalities: ["AUDIO"],
    speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: "Zephyr" } } },
  });
});

Deno.test("audio.speech.create: instructions and speed go before the text", async () => {
  await using gw = await startGateway();
  const response = await gw.openai.audio.speech.create({
    model: "gpt-4o-mini-tts",
    voice: "kore",
    input: "Good morning",
    instructions: "Speak cheerfully",
    speed: 1.25,
    response_format: "pcm",
  });
  assert.equal(response.headers.get("content-type"), "audio/pcm");
  const text = "Speak cheerfully. Speak at 1.25 times the normal rate:\nGood morning";
  assert.equal((await response.arrayBuffer()).byteLength, pcmLength(text));
  assert.equal(sent(gw).contents[0].parts?.[0].text, text);
  assert.equal(
    sent(gw).generationConfig?.speechConfig?.voiceConfig?.prebuiltVoiceConfig?.voiceName,
    "Kore",
  );
});

Deno.test("audio.speech.create: mp3 by default, encoded from the PCM", async () => {
  await using gw = await startGateway({ DEFAULT_SPEECH_MODEL: "gemini-3.8-flash-lite-tts" });
  const response = await gw.openai.audio.speech.create({
    model: "tts-1-hd",
    voice: "onyx",
    input: "One two three",
  });
  assert.equal(response.headers.get("content-type"), "audio/mpeg");
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.equal(bytes[0], 0xff);
  assert.equal(bytes[1] & 0xe0, 0xe0, "an MPEG frame sync");
  // 64 kbit/s for the audio's duration, within a frame or two.
  const seconds = pcmLength("One two three") / 2 / 24000;
  assert.ok(Math.abs(bytes.length - seconds * 8000) < 800, `${bytes.length} bytes`);
  assert.ok(gw.fake.requests[0].path.includes("/models/gemini-3.8-flash-lite-tts:"));
});

Deno.test("audio.speech.create flac: a FLAC file of the speech's length", async () => {
  await using gw = await startGateway();
  const input = "Lossless";
  const response = await gw.openai.audio.speech.create({
    model: "gpt-4o-mini-tts",
    voice: "sage",
    input,
    response_format: "flac",
  });
  assert.equal(response.headers.get("content-type"), "audio/flac");
  const flac = new Uint8Array(await response.arrayBuffer());
  assert.equal(new TextDecoder().decode(flac.subarray(0, 4)), "fLaC");
  // STREAMINFO, the first metadata block: the rate (20 bits), channels − 1 (3 bits), bits per
  // sample − 1 (5 bits) and the number of samples (36 bits) from its eleventh byte on.
  const info = flac.subarray(8, 8 + 34);
  const rate = (info[10] << 12) | (info[11] << 4) | (info[12] >> 4);
  assert.equal(rate, 24000);
  assert.equal(((info[12] >> 1) & 0x7) + 1, 1, "mono");
  assert.equal((((info[12] & 1) << 4) | (info[13] >> 4)) + 1, 16, "16-bit");
  const samples = (info[13] & 0xf) * 2 ** 32 +
    ((info[14] << 24) >>> 0) + (info[15] << 16) + (info[16] << 8) + info[17];
  assert.equal(samples * 2, pcmLength(input));
});

Deno.test("audio.speech.create stream_format sse: audio deltas, then done with usage", async () => {
  await using gw = await startGateway();
  const response = await gw.openai.audio.speech.create({
    model: "gpt-4o-mini-tts",
    voice: "Puck",
    input: "Streaming speech",
    response_format: "pcm",
    stream_format: "sse",
  });
  assert.match(response.headers.get("content-type")!, /^text\/event-stream/);
  const events = (await response.text()).split("\n\n").filter(Boolean).map((event) =>
    JSON.parse(event.replace(/^data: /, ""))
  );
  for (const event of events) assertSchema("CreateSpeechResponseStreamEvent", event);
  const deltas = events.filter((event) => event.type === "speech.audio.delta");
  const audio = deltas.map((event) => Uint8Array.fromBase64(event.audio));
  assert.equal(audio.reduce((sum, piece) => sum + piece.length, 0), pcmLength("Streaming speech"));
  assert.equal(events.at(-1).type, "speech.audio.done");
  assert.ok(events.at(-1).usage.input_tokens > 0);
  assert.equal(gw.fake.requests[0].query.get("alt"), "sse");
});

Deno.test("audio.speech: a model answering WAV is not wrapped twice; pcm unwraps it", async () => {
  await using gw = await startGateway();
  const pcm = new Uint8Array([1, 0, 2, 0, 3, 0]);
  const wav = new Uint8Array(44 + pcm.length);
  wav.set(new TextEncoder().encode("RIFF"), 0);
  new DataView(wav.buffer).setUint32(4, 36 + pcm.length, true);
  wav.set(new TextEncoder().encode("WAVEfmt "), 8);
  const view = new DataView(wav.buffer);
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 16000, true);
  view.setUint32(28, 32000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  wav.set(new TextEncoder().encode("data"), 36);
  view.setUint32(40, pcm.length, true);
  wav.set(pcm, 44);
  const answer = {
    candidates: [{
      content: {
        role: "model",
        parts: [{ inlineData: { mimeType: "audio/wav", data: wav.toBase64() } }],
      },
      finishReason: "STOP",
    }],
  };
  gw.fake.reply({ json: answer }, { json: answer });
  const asWav = await gw.openai.audio.speech.create({
    model: "tts-1",
    voice: "nova",
    input: "x",
    response_format: "wav",
  });
  assert.deepEqual(new Uint8Array(await asWav.arrayBuffer()), wav);
  const asPcm = await gw.openai.audio.speech.create({
    model: "tts-1",
    voice: "nova",
    input: "x",
    response_format: "pcm",
  });
  assert.deepEqual(new Uint8Array(await asPcm.arrayBuffer()), pcm);
});

Deno.test("audio.speech: unknown voices and formats are 400s that say what works", async () => {
  await using gw = await startGateway();
  const voice = await refused(gw, { input: "x", voice: "robot" });
  assert.equal(voice.param, "voice");
  assert.match(voice.message, /alloy/);
  assert.match(voice.message, /Zephyr/);
  for (const format of ["opus", "aac"]) {
    const error = await refused(gw, { input: "x", voice: "alloy", response_format: format });
    assert.equal(error.param, "response_format");
    assert.match(error.message, /mp3, wav, pcm, flac/);
  }
  const cases: [Record<string, unknown>, string][] = [
    [{ voice: "alloy" }, "input"],
    [{ input: "x" }, "voice"],
    [{ input: "x".repeat(4097), voice: "alloy" }, "input"],
    [{ input: "x", voice: "alloy", speed: 5 }, "speed"],
    [{ input: "x", voice: "alloy", stream_format: "ws" }, "stream_format"],
    [
      { input: "x", voice: "alloy", stream_format: "sse", response_format: "wav" },
      "response_format",
    ],
    [
      { input: "x", voice: "alloy", stream_format: "sse", response_format: "flac" },
      "response_format",
    ],
    [{ input: "x", voice: { id: "voice_123" } }, "voice"],
  ];
  for (const [body, param] of cases) assert.equal((await refused(gw, body)).param, param);
  assert.equal(gw.fake.requests.length, 0);
});

Deno.test("audio.speech: Gemini's refusals are mapped, blocked prompts are policy errors", async () => {
  await using gw = await startGateway();
  const modality = await refused(gw, { model: "gemini-3.8-flash", input: "x", voice: "alloy" });
  assert.match(modality.message, /response modalities/);
  gw.fake.reply({ json: { promptFeedback: { blockReason: "SAFETY" } } });
  const blocked = await refused(gw, { input: "x", voice: "alloy" });
  assert.equal(blocked.code, "content_policy_violation");
});
