/**
 * `POST /audio/transcriptions` and `POST /audio/translations`: the uploaded audio sent inline to
 * one Gemini call (streamed for `stream: true`), answered in the `response_format` asked for.
 * @module
 */

import { GatewayError } from "../../core/errors.ts";
import { MediaBudget } from "../../core/media_budget.ts";
import { substitutionHeaders } from "../../core/model_name.ts";
import { streamLimits, streamResponse } from "../../core/stream.ts";
import { uploadedBlob, type UploadKinds } from "../../core/upload.ts";
import { readFormData } from "../../http/body.ts";
import { invalidValue, missing } from "../../http/fields.ts";
import { formFields } from "../../http/form.ts";
import type { Context } from "../../http/route.ts";
import { SSE_CONTENT_TYPE, SSE_KEEP_ALIVE } from "../../http/sse.ts";
import { toTranscriptionPlan, type TranscriptionTask } from "./transcription_request.ts";
import { toTranscriptionResponse } from "./transcription_response.ts";
import { transcriptionEvents } from "./transcription_stream.ts";
import { WAV_HEADER_BYTES, wavDuration } from "./wav_duration.ts";

/** The largest audio file sent inline: Gemini's limit for inline data. */
export const MAX_AUDIO_BYTES = 20 * 1024 * 1024;

/** The longest audio a transcription model takes, in seconds. */
export const MAX_AUDIO_SECONDS = 3600;

/** The audio (and video with sound) Gemini transcribes. */
export const AUDIO_KINDS: UploadKinds = {
  noun: "an audio file",
  mimeTypes: [
    "audio/wav",
    "audio/x-wav",
    "audio/wave",
    "audio/mp3",
    "audio/mpeg",
    "audio/aiff",
    "audio/aac",
    "audio/ogg",
    "audio/opus",
    "audio/flac",
    "audio/x-flac",
    "audio/mp4",
    "audio/m4a",
    "audio/x-m4a",
    "audio/webm",
    "video/mp4",
    "video/webm",
  ],
  names: "WAV, MP3, AIFF, AAC, OGG, FLAC, M4A, MP4 or WEBM",
};

function handler(task: TranscriptionTask) {
  return async (request: Request, { config, gemini }: Context): Promise<Response> => {
    const { values, files } = formFields(await readFormData(request, config.maxBodyBytes));
    const plan = toTranscriptionPlan(values, task, {
      defaultModel: config.defaultTranscriptionModel,
      modelAliases: config.modelAliases,
    });
    if (task === "translate" && plan.stream) {
      throw invalidValue("stream", "translations are not streamed; leave stream out.");
    }
    const upload = files.file?.[0];
    if (!upload) throw missing("file");
    if (files.file.length > 1) throw invalidValue("file", "expected one audio file.");
    if (upload.file.size > MAX_AUDIO_BYTES) {
      throw new GatewayError(
        413,
        `The audio file is ${upload.file.size} bytes; Gemini takes at most ${MAX_AUDIO_BYTES} ` +
          "bytes inline.",
        "invalid_request_error",
        "file",
        "file_too_large",
      );
    }
    const duration = wavDuration(
      new Uint8Array(await upload.file.slice(0, WAV_HEADER_BYTES).arrayBuffer()),
      upload.file.size,
    );
    if (duration !== undefined && duration > MAX_AUDIO_SECONDS) {
      throw invalidValue(
        "file",
        `the audio lasts ${Math.round(duration)} s; at most an hour is supported.`,
      );
    }
    const audio = await uploadedBlob(upload.file, "file", AUDIO_KINDS, new MediaBudget(config));
    const [turn] = plan.request.contents;
    turn.parts = [{ inlineData: audio }, ...turn.parts ?? []];
    const headers = substitutionHeaders(plan);
    if (plan.stream) {
      return await streamResponse(
        gemini.streamGenerateContent(plan.model, plan.request),
        transcriptionEvents(),
        { contentType: SSE_CONTENT_TYPE, keepAlive: SSE_KEEP_ALIVE },
        streamLimits(config),
        headers,
      );
    }
    const answer = await gemini.generateContent(plan.model, plan.request);
    return toTranscriptionResponse(answer, plan, duration, headers);
  };
}

/** Answers `POST /audio/transcriptions`. */
export const handleTranscriptions = handler("transcribe");

/** Answers `POST /audio/translations`: the speech in English. */
export const handleTranslations = handler("translate");
