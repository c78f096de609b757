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
import { decodeBase64 } from "../../http/base64.ts";
import type { Blob, Part } from "../../gemini/types.ts";
import type { GatewayError } from "../../core/errors.ts";
import type { RemoteFiles } from "../../core/remote_files.ts";
import {
  childParam,
  invalidValue,
  optional,
  readArray,
  readRecord,
  readString,
  wrongType,
} from "../../http/fields.ts";
import { mimeTypeFromName, normalizeMimeType, sniffMimeType } from "../../core/mime.ts";

/** The origin of Gemini Files API URIs. */
const FILES_API = "https://generativelanguage.googleapis.com";

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
  if (url.startsWith("data:")) {
    const { mimeType, data } = parseDataUri(url, urlParam);
    if (!mimeType) {
      throw invalidValue(
        urlParam,
        "the data: URI has no media type and its content is not a known image format; expected data:<type>;base64,<data>.",
      );
    }
    return inline({ mimeType, data }, urlParam, files);
  }
  const fileData = remoteFileData(url);
  if (fileData) {
    files.budget.addPart(urlParam);
    return { fileData };
  }
  if (!/^https?:\/\//i.test(url)) {
    throw invalidValue(urlParam, "expected an http(s) URL or a data: URI.");
  }
  return files.add(url, urlParam);
}

/** A URL Gemini reads itself: a Files API file, or a YouTube video. */
function remoteFileData(url: string): Part["fileData"] | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin === FILES_API && /\/files\/[^/]+$/.test(parsed.pathname)) {
    return { fileUri: url };
  }
  const host = parsed.hostname.replace(/^(www\.|m\.)/, "");
  const youtube = (host === "youtube.com" &&
    (parsed.pathname === "/watch" || parsed.pathname.startsWith("/shorts/"))) ||
    host === "youtu.be";
  return youtube ? { fileUri: url, mimeType: "video/mp4" } : undefined;
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
    return inline({ mimeType: "audio/wav", data: pcm16ToWav(data) }, dataParam, files);
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
  return inline({ mimeType, data }, dataParam, files);
}

/** An `inlineData` part, counted against the request's media budget. */
function inline(blob: Blob, param: string, files: RemoteFiles): Part {
  files.budget.addPart(param);
  files.budget.addBase64(blob.data, param);
  return { inlineData: blob };
}

/** OpenAI's `pcm16` (16-bit little-endian mono at 24 kHz) as a WAV file. */
function pcm16ToWav(base64: string): string {
  const pcm = decodeBase64(base64);
  const wav = new Uint8Array(44 + pcm.length);
  const view = new DataView(wav.buffer);
  const ascii = (at: number, text: string) =>
    [...text].forEach((char, i) => view.setUint8(at + i, char.charCodeAt(0)));
  const rate = 24_000;
  ascii(0, "RIFF");
  view.setUint32(4, 36 + pcm.length, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, pcm.length, true);
  wav.set(pcm, 44);
  return wav.toBase64();
}

function filePart(value: unknown, param: string, files: RemoteFiles): Part {
  const file = readRecord(value, param);
  const dataParam = childParam(param, "file_data");
  const idParam = childParam(param, "file_id");
  const nameParam = childParam(param, "filename");
  const filename = optional(file.filename, nameParam, readString);
  const fileData = optional(file.file_data, dataParam, readString);
  if (fileData !== undefined) {
    const blob = fileData.startsWith("data:")
      ? parseDataUri(fileData, dataParam)
      : sniffed(checkBase64(fileData, dataParam));
    const mimeType = blob.mimeType ?? (filename && mimeTypeFromName(filename));
    if (!mimeType) throw unknownFileType(filename, filename ? nameParam : dataParam);
    return inline({ mimeType, data: blob.data }, dataParam, files);
  }
  const fileId = readString(file.file_id, idParam);
  const fileUri = /^files\/[^/]+$/.test(fileId) ? `${FILES_API}/v1beta/${fileId}` : fileId;
  if (!remoteFileData(fileUri)?.fileUri.startsWith(FILES_API)) {
    throw invalidValue(
      idParam,
      "only Gemini Files API files can be referenced (files/<id> or its full URI).",
    );
  }
  const mimeType = filename && mimeTypeFromName(filename);
  files.budget.addPart(idParam);
  return { fileData: mimeType ? { fileUri, mimeType } : { fileUri } };
}

function unknownFileType(filename: string | undefined, param: string): GatewayError {
  return invalidValue(
    param,
    filename
      ? `cannot tell the media type of '${
        excerpt(filename)
      }' from its extension; send file_data as a data: URI with a media type.`
      : "file_data needs a media type: send a data: URI, or a filename with a known extension.",
  );
}

/**
 * The base64 data of a `data:` URI (percent-encoded data is read too) and its media type: the
 * declared one ({@linkcode normalizeMimeType}), else sniffed from the data, if either tells.
 */
function parseDataUri(uri: string, param: string): { mimeType?: string; data: string } {
  const match = /^data:([^,]*),(.*)$/s.exec(uri);
  if (!match) throw invalidValue(param, "malformed data: URI; expected data:<type>;base64,<data>.");
  const [type, ...parameters] = match[1].split(";").map((piece) => piece.trim());
  const base64 = parameters.some((piece) => piece.toLowerCase() === "base64");
  const data = base64 ? checkBase64(match[2], param) : percentDecoded(match[2], param);
  const declared = normalizeMimeType(type);
  return declared ? { mimeType: declared, data } : sniffed(data);
}

/** Percent-encoded `text` as base64; else a 400. */
function percentDecoded(text: string, param: string): string {
  try {
    return new TextEncoder().encode(decodeURIComponent(text)).toBase64();
  } catch {
    throw invalidValue(param, "malformed percent-encoding in the data: URI.");
  }
}

/** Base64 `data` with its media type if its first bytes tell it ({@linkcode sniffMimeType}). */
function sniffed(data: string): { mimeType?: string; data: string } {
  const head = data.slice(0, 16);
  try {
    return {
      mimeType: sniffMimeType(decodeBase64(head)),
      data,
    };
  } catch {
    return { data };
  }
}

/** `data` without whitespace, if it is standard or URL-safe base64; else a 400. */
function checkBase64(data: string, param: string): string {
  const compact = data.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact) || compact.replace(/=+$/, "").length % 4 === 1) {
    throw invalidValue(param, "the data is not valid base64.");
  }
  return compact;
}
