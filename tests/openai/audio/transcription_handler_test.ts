import assert from "node:assert/strict";
import { toFile } from "npm:openai@7.57.0";
import { TRANSCRIPT as HEARD } from "../../../src/fake/media.ts";
import { pcm16ToWav } from "../../../src/core/wav.ts";
import type {
  CreateTranscriptionResponseDiarizedJson,
  CreateTranscriptionResponseVerboseJson,
  ErrorResponse,
} from "../../../src/openai/types.ts";
import { type Gateway, sent, startGateway } from "../../helpers/harness.ts";
import { assertSchema } from "../../helpers/openapi.ts";

/** Two seconds of silence at 24 kHz as a WAV file. */
const WAV = Uint8Array.fromBase64(pcm16ToWav(new Uint8Array(96000).toBase64()));

/** A scripted answer of the transcription model: `transcript` as its structured output. */
function transcribed(gw: Gateway, transcript: unknown): void {
  gw.fake.reply({
    json: {
      candidates: [{
        content: { role: "model", parts: [{ text: JSON.stringify(transcript) }] },
        finishReason: "STOP",
      }],
      usageMetadata: {
        promptTokenCount: 60,
        candidatesTokenCount: 20,
        totalTokenCount: 80,
        promptTokensDetails: [{ modality: "TEXT", tokenCount: 10 }, {
          modality: "AUDIO",
          tokenCount: 50,
        }],
      },
    },
  });
}

const TRANSCRIPT = {
  language: "english",
  text: "Hello there. General Kenobi.",
  segments: [
    { start: 0, end: 0.9, text: "Hello there." },
    { start: 1.1, end: 2, text: "General Kenobi." },
  ],
  words: [
    { word: "Hello", start: 0, end: 0.4 },
    { word: "there", start: 0.5, end: 0.9 },
    { word: "General", start: 1.1, end: 1.5 },
    { word: "Kenobi", start: 1.5, end: 2 },
  ],
};

async function refused(gw: Gateway, form: FormData, status = 400): Promise<ErrorResponse["error"]> {
  const response = await gw.request("/v1/audio/transcriptions", { method: "POST", body: form });
  assert.equal(response.status, status);
  const error: ErrorResponse = await response.json();
  assertSchema("ErrorResponse", error);
  return error.error;
}

Deno.test("audio.transcriptions.create json: the audio inline, recognised from its bytes", async () => {
  await using gw = await startGateway();
  const answer = await gw.openai.audio.transcriptions.create({
    file: await toFile(WAV, "recording"),
    model: "whisper-1",
    language: "en",
    prompt: "Kenobi, Skywalker",
    temperature: 0.2,
  });
  assertSchema("CreateTranscriptionResponseJson", answer);
  assert.equal(answer.text, HEARD);
  assert.equal(answer.usage?.type, "tokens");
  assert.ok(gw.fake.requests[0].path.endsWith("/models/gemini-3.5-transcribe:generateContent"));
  const request = sent(gw);
  const [audio, instruction] = request.contents[0].parts!;
  assert.deepEqual(audio, { inlineData: { mimeType: "audio/wav", data: WAV.toBase64() } });
  assert.match(instruction.text!, /Transcribe/);
  assert.match(instruction.text!, /"en"/);
  assert.match(instruction.text!, /Kenobi, Skywalker/);
  assert.deepEqual(request.generationConfig, { temperature: 0.2 });
});

Deno.test("audio.transcriptions.create text: the transcript as plain text", async () => {
  await using gw = await startGateway();
  gw.fake.reply({
    json: {
      candidates: [{ content: { parts: [{ text: "Hello there." }] }, finishReason: "STOP" }],
    },
  });
  const text = await gw.openai.audio.transcriptions.create({
    file: await toFile(WAV, "a.wav"),
    model: "gpt-4o-transcribe",
    response_format: "text",
  });
  assert.equal(text, "Hello there.\n");
});

Deno.test("audio.transcriptions.create verbose_json: segments and words, the WAV's duration", async () => {
  await using gw = await startGateway();
  transcribed(gw, TRANSCRIPT);
  const answer = await gw.openai.audio.transcriptions.create({
    file: await toFile(WAV, "a.wav", { type: "audio/wav" }),
    model: "whisper-1",
    response_format: "verbose_json",
    timestamp_granularities: ["word", "segment"],
  });
  assertSchema("CreateTranscriptionResponseVerboseJson", answer);
  assert.equal(answer.language, "english");
  assert.equal(answer.duration, 2);
  assert.deepEqual(answer.usage, { type: "duration", seconds: 2 });
  assert.equal(answer.text, TRANSCRIPT.text);
  assert.deepEqual(answer.words, TRANSCRIPT.words);
  assert.deepEqual(answer.segments!.map(({ id, start, end, text }) => ({ id, start, end, text })), [
    { id: 0, ...TRANSCRIPT.segments[0] },
    { id: 1, ...TRANSCRIPT.segments[1] },
  ]);
  const config = sent(gw).generationConfig!;
  assert.equal(config.responseMimeType, "application/json");
  const schema = config.responseJsonSchema as { properties: Record<string, unknown> };
  assert.deepEqual(Object.keys(schema.properties), ["language", "text", "segments", "words"]);
});

Deno.test("audio.transcriptions.create verbose_json: the fake model's own timed answer", async () => {
  await using gw = await startGateway();
  const answer = await gw.openai.audio.transcriptions.create({
    file: await toFile(WAV, "a.wav"),
    model: "whisper-1",
    response_format: "verbose_json",
    timestamp_granularities: ["segment"],
  });
  assertSchema("CreateTranscriptionResponseVerboseJson", answer);
  assert.equal(answer.text, HEARD);
  assert.equal(answer.words, undefined);
  assert.deepEqual(answer.segments!.map((segment) => segment.text), [
    "Hello from the fake Gemini.",
    "This is a transcript.",
  ]);
});

Deno.test("audio.transcriptions.create diarized_json: segments with their speakers", async () => {
  await using gw = await startGateway();
  const answer = (await gw.openai.audio.transcriptions.create({
    file: await toFile(WAV, "a.wav"),
    model: "gpt-4o-transcribe-diarize",
    response_format: "diarized_json",
    known_speaker_names: ["agent", "customer"],
    known_speaker_references: [`data:audio/wav;base64,${WAV.toBase64()}`],
    chunking_strategy: "auto",
  })) as unknown as CreateTranscriptionResponseDiarizedJson;
  assertSchema("CreateTranscriptionResponseDiarizedJson", answer);
  assert.equal(answer.text, HEARD);
  assert.equal(answer.duration, 2);
  assert.deepEqual(answer.segments.map(({ id, speaker, text }) => ({ id, speaker, text })), [
    { id: "seg_1", speaker: "A", text: "Hello from the fake Gemini." },
    { id: "seg_2", speaker: "B", text: "This is a transcript." },
  ]);
  assert.equal(answer.usage?.type, "tokens");
  assert.match(sent(gw).contents[0].parts![1].text!, /agent, customer/);
});

Deno.test("audio.transcriptions.create srt and vtt: subtitles from the segments", async () => {
  await using gw = await startGateway();
  transcribed(gw, TRANSCRIPT);
  transcribed(gw, TRANSCRIPT);
  const srt = await gw.openai.audio.transcriptions.create({
    file: await toFile(WAV, "a.wav"),
    model: "whisper-1",
    response_format: "srt",
  });
  assert.equal(
    srt,
    "1\n00:00:00,000 --> 00:00:00,900\nHello there.\n\n" +
      "2\n00:00:01,100 --> 00:00:02,000\nGeneral Kenobi.\n\n",
  );
  const vtt = await gw.openai.audio.transcriptions.create({
    file: await toFile(WAV, "a.wav"),
    model: "whisper-1",
    response_format: "vtt",
  });
  assert.equal(
    vtt,
    "WEBVTT\n\n00:00:00.000 --> 00:00:00.900\nHello there.\n\n" +
      "00:00:01.100 --> 00:00:02.000\nGeneral Kenobi.\n\n",
  );
  const schema = sent(gw).generationConfig?.responseJsonSchema as { properties: object };
  assert.ok(!("words" in schema.properties));
});

Deno.test("audio.transcriptions.create stream: text deltas, then done with the text", async () => {
  await using gw = await startGateway();
  const stream = await gw.openai.audio.transcriptions.create({
    file: await toFile(WAV, "a.wav"),
    model: "gpt-4o-mini-transcribe",
    stream: true,
  });
  const events = [];
  for await (const event of stream) {
    assertSchema("CreateTranscriptionResponseStreamEvent", event);
    events.push(event);
  }
  const deltas = events.filter((event) => event.type === "transcript.text.delta");
  assert.ok(deltas.length >= 2);
  const done = events.at(-1)!;
  assert.equal(done.type, "transcript.text.done");
  assert.equal(
    (done as { text: string }).text,
    deltas.map((event) => (event as { delta: string }).delta).join("").trim(),
  );
  assert.equal(gw.fake.requests[0].query.get("alt"), "sse");
});

Deno.test("audio.transcriptions.create stream: blocked, failing mid-way, usage alone", async () => {
  await using gw = await startGateway();
  const create = async () =>
    await gw.openai.audio.transcriptions.create({
      file: await toFile(WAV, "a.wav"),
      model: "gpt-4o-transcribe",
      stream: true,
    });
  gw.fake.reply({ chunks: [{ promptFeedback: { blockReason: "PROHIBITED_CONTENT" } }] });
  await assert.rejects(create, (error: { status: number; code: string }) => {
    assert.equal(error.status, 400);
    assert.equal(error.code, "content_policy_violation");
    return true;
  });
  const said = { candidates: [{ content: { role: "model", parts: [{ text: "Hello" }] } }] };
  gw.fake.reply({
    chunks: [said],
    error: { error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" } },
  });
  const failing = await create();
  const deltas: string[] = [];
  await assert.rejects(
    async () => {
      for await (const event of failing) {
        if (event.type === "transcript.text.delta") deltas.push(event.delta);
      }
    },
    /overloaded/,
  );
  assert.deepEqual(deltas, ["Hello"]);
  gw.fake.reply({
    chunks: [
      said,
      { candidates: [{ finishReason: "STOP" }] },
      { usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 1 } },
    ],
  });
  const events = [];
  for await (const event of await create()) events.push(event);
  assert.deepEqual(events.at(-1), {
    type: "transcript.text.done",
    text: "Hello",
    usage: {
      type: "tokens",
      input_tokens: 7,
      input_token_details: { text_tokens: 0, audio_tokens: 0 },
      output_tokens: 1,
      total_tokens: 8,
    },
  });
});

Deno.test("audio.transcriptions.create: silence is an empty text, no candidate a 502", async () => {
  await using gw = await startGateway();
  gw.fake.reply({ json: { candidates: [{ finishReason: "STOP" }] } });
  const silent = await gw.openai.audio.transcriptions.create({
    file: await toFile(WAV, "a.wav"),
    model: "whisper-1",
  });
  assert.equal(silent.text, "");
  gw.fake.reply({ json: { usageMetadata: { promptTokenCount: 3 } } });
  const form = new FormData();
  form.append("file", new File([WAV], "a.wav"));
  const error = await refused(gw, form, 502);
  assert.equal(error.code, "no_transcript");
});

Deno.test("audio.translations.create: English, json and verbose_json", async () => {
  await using gw = await startGateway();
  const json = await gw.openai.audio.translations.create({
    file: await toFile(WAV, "a.wav"),
    model: "whisper-1",
  });
  assertSchema("CreateTranslationResponseJson", json);
  assert.match(
    sent(gw).contents[0].parts![1].text!,
    /Translate the speech in this audio into English/,
  );
  transcribed(gw, { ...TRANSCRIPT, language: "german" });
  const verbose = (await gw.openai.audio.translations.create({
    file: await toFile(WAV, "a.wav"),
    model: "whisper-1",
    response_format: "verbose_json",
  })) as unknown as CreateTranscriptionResponseVerboseJson;
  assertSchema("CreateTranslationResponseVerboseJson", verbose);
  assert.equal(verbose.language, "english");
  assert.equal(verbose.segments?.length, 2);
});

Deno.test("audio.transcriptions: an MP3 sent as octet-stream is recognised", async () => {
  await using gw = await startGateway();
  const mp3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90]);
  const form = new FormData();
  form.append("file", new File([mp3], "blob", { type: "application/octet-stream" }));
  form.append("model", "whisper-1");
  const response = await gw.request("/v1/audio/transcriptions", { method: "POST", body: form });
  assert.equal(response.status, 200);
  assert.equal(sent(gw).contents[0].parts![0].inlineData?.mimeType, "audio/mp3");
});

Deno.test("audio.transcriptions: bad files and fields are 400s, large files 413s", async () => {
  await using gw = await startGateway();
  const form = (fields: Record<string, string>, file?: File) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    if (file) data.append("file", file);
    return data;
  };
  const wav = new File([WAV], "a.wav");
  const cases: [FormData, string][] = [
    [form({ model: "whisper-1" }), "file"],
    [form({}, new File(["just text"], "notes.txt")), "file"],
    [form({ response_format: "srt_json" }, wav), "response_format"],
    [form({ response_format: "srt", stream: "true" }, wav), "stream"],
    [form({ temperature: "hot" }, wav), "temperature"],
    [form({ language: "English!" }, wav), "language"],
    [form({ "timestamp_granularities[]": "sentence" }, wav), "timestamp_granularities[0]"],
  ];
  for (const [data, param] of cases) assert.equal((await refused(gw, data)).param, param);
  const big = await refused(
    gw,
    form({}, new File([new Uint8Array(20 * 1024 * 1024 + 1)], "a.wav")),
    413,
  );
  assert.equal(big.code, "file_too_large");
  assert.equal(gw.fake.requests.length, 0);
});

Deno.test("audio.transcriptions: a body past MAX_BODY_BYTES is a 413 before it is read", async () => {
  await using gw = await startGateway({ MAX_BODY_BYTES: "65536" });
  const data = new FormData();
  data.append("file", new File([new Uint8Array(100_000)], "a.wav"));
  assert.equal((await refused(gw, data, 413)).code, "request_too_large");
});

Deno.test("audio endpoints use the server's keys with an access token", async () => {
  await using gw = await startGateway({ GEMINI_API_KEYS: "pool-key", ACCESS_TOKENS: "token-1" });
  const form = new FormData();
  form.append("file", new File([WAV], "a.wav"));
  const transcription = await gw.request("/v1/audio/transcriptions", {
    method: "POST",
    body: form,
    headers: { authorization: "Bearer token-1" },
  });
  assert.equal(transcription.status, 200);
  const speech = await gw.request("/v1/audio/speech", {
    method: "POST",
    body: JSON.stringify({ input: "hi", voice: "alloy", response_format: "pcm" }),
    headers: { authorization: "Bearer token-1" },
  });
  assert.equal(speech.status, 200);
  await speech.arrayBuffer();
  for (const request of gw.fake.requests) {
    assert.equal(request.headers.get("x-goog-api-key"), "pool-key");
  }
  assert.equal(gw.fake.requests.length, 2);
});

Deno.test("audio.transcriptions: a retired model is answered by its replacement, and says so", async () => {
  await using gw = await startGateway();
  const form = new FormData();
  form.append("file", new File([WAV], "a.wav"));
  form.append("model", "gemini-2.0-flash");
  const response = await gw.request("/v1/audio/transcriptions", { method: "POST", body: form });
  assert.equal(response.status, 200);
  assert.equal(
    response.headers.get("x-gateway-model-substituted"),
    "gemini-2.0-flash -> gemini-3.6-flash",
  );
  assertSchema("CreateTranscriptionResponseJson", await response.json());
  assert.ok(gw.fake.requests[0].path.includes("/models/gemini-3.6-flash:"));
});

Deno.test("audio.transcriptions: a WAV file longer than an hour is a 400 naming file", async () => {
  await using gw = await startGateway();
  // 16-bit mono at 500 Hz: 1000 bytes a second, so 3.7 MB last 3700 s.
  const long = Uint8Array.fromBase64(pcm16ToWav(new Uint8Array(3_700_000).toBase64(), 500));
  const form = new FormData();
  form.append("file", new File([long], "long.wav"));
  const error = await refused(gw, form);
  assert.equal(error.param, "file");
  assert.match(error.message, /3700 s/);
  assert.equal(gw.fake.requests.length, 0);
});
