/**
 * Gemini's speech answers as OpenAI's: the audio bytes of a whole answer, or the events of
 * `stream_format: "sse"` (`speech.audio.delta` per piece, then `speech.audio.done` with usage).
 * @module
 */

import type {
  Blob as GeminiBlob,
  GenerateContentResponse,
  UsageMetadata,
} from "../../gemini/types.ts";
import type { StreamTranslator } from "../../core/stream.ts";
import { Mp3Stream } from "../../core/mp3.ts";
import { sseEvent } from "../../http/sse.ts";
import { openaiErrorBody } from "../errors.ts";
import { missingMedia } from "../media_failure.ts";
import type { SpeechAudioDeltaEvent, SpeechAudioDoneEvent } from "../types.ts";
import { readSpeech, type StreamedSpeechFormat } from "./speech_audio.ts";

/** The audio parts of an answer's first candidate, thoughts left out. */
export function audioBlobs(response: GenerateContentResponse): GeminiBlob[] {
  return (response.candidates?.[0]?.content?.parts ?? []).flatMap((part) =>
    !part.thought && part.inlineData?.mimeType.toLowerCase().startsWith("audio/")
      ? [part.inlineData]
      : []
  );
}

/** The audio of a whole answer; none is a failure ({@linkcode missingMedia}). */
export function speechOf(response: GenerateContentResponse): GeminiBlob[] {
  const blobs = audioBlobs(response);
  if (blobs.length === 0) throw missingMedia(response, "audio", "input", "no_audio");
  return blobs;
}

/** The usage of `speech.audio.done`. */
export function toSpeechUsage(usage: UsageMetadata | undefined): SpeechAudioDoneEvent["usage"] {
  const input = usage?.promptTokenCount ?? 0;
  const output = (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0);
  return { input_tokens: input, output_tokens: output, total_tokens: input + output };
}

/**
 * Writes Gemini's stream of speech as OpenAI's speech events, in `format` (`pcm` or `mp3`, encoded
 * as it comes). A blocked prompt, or a stream that ends without any audio, fails like a whole
 * answer would (an HTTP error when it happens before the stream began).
 */
export function speechEvents(format: StreamedSpeechFormat): StreamTranslator {
  let mp3: Mp3Stream | undefined;
  let usage: UsageMetadata | undefined;
  let last: GenerateContentResponse = {};
  let sent = false;
  const delta = (bytes: Uint8Array) => {
    if (bytes.length === 0) return "";
    sent = true;
    const event: SpeechAudioDeltaEvent = { type: "speech.audio.delta", audio: bytes.toBase64() };
    return sseEvent(event);
  };
  return {
    next(response) {
      last = response;
      if (response.promptFeedback?.blockReason) {
        throw missingMedia(response, "audio", "input", "no_audio");
      }
      if (response.usageMetadata) usage = response.usageMetadata;
      let text = "";
      for (const blob of audioBlobs(response)) {
        const { pcm, sampleRate } = readSpeech(blob);
        if (format === "pcm") text += delta(pcm);
        else text += delta((mp3 ??= new Mp3Stream(sampleRate)).push(pcm));
      }
      return text;
    },
    end() {
      const tail = mp3 ? delta(mp3.end()) : "";
      if (!sent) throw missingMedia(last, "audio", "input", "no_audio");
      const done: SpeechAudioDoneEvent = { type: "speech.audio.done", usage: toSpeechUsage(usage) };
      return tail + sseEvent(done);
    },
    fail: (error) => sseEvent(openaiErrorBody(error)),
  };
}
