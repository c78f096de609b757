import assert from "node:assert/strict";
import { ModelAliases } from "../../../src/core/model_name.ts";
import {
  instructionText,
  toTranscriptionPlan,
} from "../../../src/openai/audio/transcription_request.ts";

const options = {
  defaultModel: "gemini-3.5-transcribe",
  modelAliases: new ModelAliases([], true, () => {}),
};

Deno.test("toTranscriptionPlan: plain text for json and text; structured output for timestamps", () => {
  const plain = toTranscriptionPlan({ model: "whisper-1" }, "transcribe", options);
  assert.equal(plain.model, "gemini-3.5-transcribe");
  assert.equal(plain.format, "json");
  assert.equal(plain.timed, false);
  assert.equal(plain.request.generationConfig, undefined);
  const verbose = toTranscriptionPlan(
    {
      response_format: "verbose_json",
      timestamp_granularities: ["word"],
      temperature: "0",
      stream: "false",
    },
    "transcribe",
    options,
  );
  assert.equal(verbose.timed, true);
  assert.equal(verbose.words, true);
  assert.equal(verbose.segments, false);
  assert.equal(verbose.request.generationConfig?.responseMimeType, "application/json");
  assert.equal(verbose.request.generationConfig?.temperature, 0);
  const srt = toTranscriptionPlan(
    { response_format: "srt", timestamp_granularities: "word" },
    "translate",
    options,
  );
  assert.equal(srt.words, false);
  assert.equal(srt.segments, false);
});

Deno.test("instructionText: the task, then the hints", () => {
  const text = instructionText("transcribe", true, "de", "Grüß Gott");
  assert.match(text, /^Transcribe/);
  assert.match(text, /seconds/);
  assert.match(text, /"de"/);
  assert.match(text, /Grüß Gott$/);
  assert.doesNotMatch(instructionText("translate", false, "de", undefined), /"de"|seconds/);
  assert.doesNotMatch(text, /speaker/);
  assert.match(instructionText("transcribe", true, undefined, undefined, []), /A, B, C/);
});

Deno.test("toTranscriptionPlan diarized_json: speakers in the schema, known names as a hint", () => {
  const plan = toTranscriptionPlan(
    { response_format: "diarized_json", known_speaker_names: ["agent", "customer"] },
    "transcribe",
    options,
  );
  assert.equal(plan.timed, true);
  assert.equal(plan.speakers, true);
  const schema = plan.request.generationConfig?.responseJsonSchema as {
    properties: { segments: { items: { required: string[] } } };
  };
  assert.ok(schema.properties.segments.items.required.includes("speaker"));
  assert.match(plan.request.contents[0].parts![0].text!, /agent, customer/);
  assert.throws(
    () => toTranscriptionPlan({ response_format: "diarized_json" }, "translate", options),
    { param: "response_format" },
  );
  assert.throws(
    () =>
      toTranscriptionPlan(
        { response_format: "diarized_json", stream: "true" },
        "transcribe",
        options,
      ),
    { param: "stream" },
  );
});
