/**
 * A message's `content` (a string or an array of typed parts) → Gemini `Part`s.
 *
 * | OpenAI part | Gemini part |
 * |---|---|
 * | `text`, `refusal` | `text` (empty text dropped) |
 * | `image_url` with a `data:` URI | `inlineData`, type from the URI or the bytes |
 * | `image_url` with a Files API or YouTube URL | `fileData` (YouTube as `video/mp4`) |
 * | `image_url` with another http(s) URL | fetched → `inlineData` |
 * | `input_audio` | `inlineData` with the format's audio type (`pcm16` wrapped as WAV) |
 * | `file` with `file_data` (data: URI or base64) | `inlineData`, type from the URI, the bytes or `filename` |
 * | `file` with a Files API `file_id` | `fileData` |
 * @module
 */

import { excerpt } from "../../core/excerpt.ts";
import { base64Part, checkBase64, fileIdPart, inlinePart, urlPart } from "../../core/media_part.ts";
import type { RemoteFiles } from "../../core/remote_files.ts";
import { pcm16ToWav } from "../../core/wav.ts";
import type { Part } from "../../gemini/types.ts";
import {
  childParam,
  invalidValue,
  optional,
  readArray,
  readRecord,
  readString,
  wrongType,
} from "../../http/fields.ts";

/**
 * Converts a message's `content` at `param` (e.g. `messages[1].content`) to parts; remote
 * files are recorded in `files`.
 */
export function toParts(content: unknown, param: string, files: RemoteFiles): Part[] {
  if (typeof content === "string") return content ? [{ text: content }] : [];
  if (!Array.isArray(content)) {
    throw wrongType(param, "one of a string or array of objects", content);
  }
  return content.flatMap((item, index) => toPart(item, childParam(param, index), files));
}

/**
 * The text of a content that may hold only text parts (system, developer, tool messages): a
 * string, or the `text` parts of an array joined with newlines.
 */
export function toText(content: unknown, param: string): string {
  if (typeof content === "string") return content;
  return readArray(content, param).map((item, index) => {
    const partParam = childParam(param, index);
    const part = readRecord(item, partParam);
    const type = readString(part.type, childParam(partParam, "type"));
    if (type !== "text") {
      throw invalidValue(
        childParam(partParam, "type"),
        `only text parts are allowed here, got '${excerpt(type)}'.`,
      );
    }
    return readString(part.text, childParam(partParam, "text"));
  }).join("\n");
}

function toPart(item: unknown, param: string, files: RemoteFiles): Part[] {
  const part = readRecord(item, param);
  const type = readString(part.type, childParam(param, "type"));
  const field = (key: string) => childParam(param, key);
  switch (type) {
    case "text": {
      const text = readString(part.text, field("text"));
      return text ? [{ text }] : [];
    }
    case "refusal": {
      const text = readString(part.refusal, field("refusal"));
      return text ? [{ text }] : [];
    }
    case "image_url":
      return [imagePart(part.image_url, field("image_url"), files)];
    case "input_audio":
      return [audioPart(part.input_audio, field("input_audio"), files)];
    case "file":
      return [filePart(part.file, field("file"), files)];
    default:
      throw invalidValue(
        field("type"),
        `unknown content part type '${
          excerpt(type)
        }'; expected text, image_url, input_audio, file or refusal.`,
      );
  }
}

function imagePart(value: unknown, param: string, files: RemoteFiles): Part {
  const urlParam = childParam(param, "url");
  const url = typeof value === "string"
    ? value
    : readString(readRecord(value, param).url, urlParam);
  return urlPart(url, urlParam, files);
}

const AUDIO_TYPES: Record<string, string> = {
  wav: "audio/wav",
  mp3: "audio/mp3",
  mpeg: "audio/mpeg",
  aiff: "audio/aiff",
  aac: "audio/aac",
  ogg: "audio/ogg",
  opus: "audio/ogg",
  flac: "audio/flac",
  m4a: "audio/m4a",
  webm: "audio/webm",
};

function audioPart(value: unknown, param: string, files: RemoteFiles): Part {
  const audio = readRecord(value, param);
  const dataParam = childParam(param, "data");
  const formatParam = childParam(param, "format");
  const data = checkBase64(readString(audio.data, dataParam), dataParam);
  const format = readString(audio.format, formatParam).toLowerCase();
  if (format === "pcm16") {
    return inlinePart({ mimeType: "audio/wav", data: pcm16ToWav(data) }, dataParam, files);
  }
  const mimeType = AUDIO_TYPES[format];
  if (!mimeType) {
    throw invalidValue(
      formatParam,
      `unsupported audio format '${excerpt(format)}'; expected one of ${
        [...Object.keys(AUDIO_TYPES), "pcm16"].join(", ")
      }.`,
    );
  }
  return inlinePart({ mimeType, data }, dataParam, files);
}

function filePart(value: unknown, param: string, files: RemoteFiles): Part {
  const file = readRecord(value, param);
  const dataParam = childParam(param, "file_data");
  const nameParam = childParam(param, "filename");
  const filename = optional(file.filename, nameParam, readString);
  const fileData = optional(file.file_data, dataParam, readString);
  if (fileData !== undefined) {
    return base64Part(fileData, undefined, dataParam, files, filename, nameParam);
  }
  const idParam = childParam(param, "file_id");
  return fileIdPart(readString(file.file_id, idParam), idParam, files, filename);
}
