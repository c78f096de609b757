import assert from "node:assert/strict";
import {
  answerText,
  timestamp,
  toDiarizedJson,
  toSrt,
  toTranscriptionResponse,
  toTranscriptionUsage,
  toVerboseJson,
  toVtt,
} from "../../../src/openai/audio/transcription_response.ts";
import type { TranscriptionPlan } from "../../../src/openai/audio/transcription_request.ts";

const transcript = { text: "a b", segments: [{ start: 0, end: 61.5, text: " a " }], words: [] };

Deno.test("timestamp, toSrt and toVtt", () => {
  assert.equal(timestamp(3725.0456, ","), "01:02:05,046");
  assert.equal(toSrt(transcript, 70), "1\n00:00:00,000 --> 00:01:01,500\na\n\n");
  assert.equal(
    toVtt({ ...transcript, segments: [] }, 2),
    "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\na b\n\n",
  );
  assert.equal(toSrt({ text: "", segments: [], words: [] }, 2), "");
});

Deno.test("toVerboseJson: Whisper's extra segment fields neutral; translations in English", () => {
  const plan = { task: "translate" as const, segments: true, words: false, temperature: 0.3 };
  const verbose = toVerboseJson({ ...transcript, language: "german" }, plan, 61.5);
  assert.equal(verbose.language, "english");
  assert.deepEqual(verbose.segments![0], {
    id: 0,
    seek: 0,
    start: 0,
    end: 61.5,
    text: " a ",
    tokens: [],
    temperature: 0.3,
    avg_logprob: 0,
    compression_ratio: 1,
    no_speech_prob: 0,
  });
  assert.equal(verbose.words, undefined);
  assert.deepEqual(verbose.usage, { type: "duration", seconds: 61.5 });
  assert.equal(toVerboseJson(transcript, plan, 0).usage, undefined);
  assert.equal(
    toVerboseJson(transcript, { ...plan, task: "transcribe", language: "de" }, 1).language,
    "de",
  );
});

Deno.test("answerText and usage; a blocked prompt is a 400, no candidate a 502", () => {
  assert.equal(answerText({ candidates: [{ content: { parts: [{ text: "x" }] } }] }), "x");
  assert.equal(answerText({ candidates: [{ finishReason: "STOP" }] }), "");
  assert.throws(() => answerText({ promptFeedback: { blockReason: "SAFETY" } }), {
    status: 400,
    code: "content_policy_violation",
  });
  assert.throws(() => answerText({ candidates: [{ finishReason: "RECITATION" }] }), {
    status: 400,
    code: "content_policy_violation",
  });
  assert.throws(() => answerText({ usageMetadata: { promptTokenCount: 1 } }), {
    status: 502,
    code: "no_transcript",
  });
  assert.deepEqual(toTranscriptionUsage({ promptTokenCount: 2, candidatesTokenCount: 3 }), {
    type: "tokens",
    input_tokens: 2,
    input_token_details: { text_tokens: 0, audio_tokens: 0 },
    output_tokens: 3,
    total_tokens: 5,
  });
});

Deno.test("toTranscriptionResponse: the duration falls back to the last timestamp", async () => {
  const plan = {
    task: "transcribe",
    format: "verbose_json",
    timed: true,
    segments: true,
    words: false,
  } as TranscriptionPlan;
  const response = toTranscriptionResponse(
    { candidates: [{ content: { parts: [{ text: JSON.stringify(transcript) }] } }] },
    plan,
    undefined,
    {},
  );
  assert.equal((await response.json()).duration, 61.5);
});

Deno.test("toDiarizedJson: speakers (A when unnamed), segment ids, token usage", () => {
  const diarized = toDiarizedJson(
    {
      text: "Hi. Hello.",
      segments: [{ start: 0, end: 1, text: "Hi.", speaker: "agent" }, {
        start: 1,
        end: 2,
        text: "Hello.",
      }],
      words: [],
    },
    2,
    { promptTokenCount: 5, candidatesTokenCount: 2 },
  );
  assert.deepEqual(diarized.segments, [
    {
      type: "transcript.text.segment",
      id: "seg_1",
      start: 0,
      end: 1,
      text: "Hi.",
      speaker: "agent",
    },
    {
      type: "transcript.text.segment",
      id: "seg_2",
      start: 1,
      end: 2,
      text: "Hello.",
      speaker: "A",
    },
  ]);
  assert.equal(diarized.task, "transcribe");
  assert.equal(diarized.duration, 2);
  assert.equal(diarized.usage?.type, "tokens");
});
