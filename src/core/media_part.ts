/**
 * Media a client sends (a URL, a `data:` URI, base64 bytes, a Files API id) → a Gemini `Part`,
 * counted against the request's media budget.
 *
 * | Given | Gemini part |
 * |---|---|
 * | a `data:` URI | `inlineData`, type from the URI or the bytes |
 * | a Files API or YouTube URL | `fileData` (YouTube as `video/mp4`) |
 * | another http(s) URL | fetched later by {@linkcode RemoteFiles.fetchAll} → `inlineData` |
 * | base64 bytes | `inlineData`, type as given, else from the bytes or the file name |
 * | a Files API id (`files/<id>` or its URI) | `fileData` |
 * @module
 */

import type { Blob, Part } from "../gemini/types.ts";
import { decodeBase64 } from "../http/base64.ts";
import { invalidValue } from "../http/fields.ts";
import type { GatewayError } from "./errors.ts";
import { excerpt } from "./excerpt.ts";
import { mimeTypeFromName, normalizeMimeType, sniffMimeType } from "./mime.ts";
import type { RemoteFiles } from "./remote_files.ts";

/** The origin of Gemini Files API URIs. */
const FILES_API = "https://generativelanguage.googleapis.com";

/** The part for media at `url` (a `data:` URI or an http(s) URL) given at `param`. */
export function urlPart(url: string, param: string, files: RemoteFiles): Part {
  if (url.startsWith("data:")) {
    const { mimeType, data } = parseDataUri(url, param);
    if (!mimeType) {
      throw invalidValue(
        param,
        "the data: URI has no media type and its content is not a known image format; expected data:<type>;base64,<data>.",
      );
    }
    return inlinePart({ mimeType, data }, param, files);
  }
  const fileData = remoteFileData(url);
  if (fileData) {
    files.budget.addPart(param);
    return { fileData };
  }
  if (!/^https?:\/\//i.test(url)) {
    throw invalidValue(param, "expected an http(s) URL or a data: URI.");
  }
  return files.add(url, param);
}

/**
 * The part for base64 `data` (or a `data:` URI) given at `param`: of type `mimeType` when given,
 * else the URI's, the bytes' ({@linkcode sniffMimeType}) or `filename`'s; unknown is a 400 at
 * `filenameParam` when a file name was given, else at `param`.
 */
export function base64Part(
  data: string,
  mimeType: string | undefined,
  param: string,
  files: RemoteFiles,
  filename?: string,
  filenameParam = param,
): Part {
  const blob = data.startsWith("data:")
    ? parseDataUri(data, param)
    : sniffed(checkBase64(data, param));
  const type = (mimeType && normalizeMimeType(mimeType)) || blob.mimeType ||
    (filename && mimeTypeFromName(filename));
  if (!type) throw unknownType(filename, filename ? filenameParam : param);
  return inlinePart({ mimeType: type, data: blob.data }, param, files);
}

/**
 * The part for a Gemini Files API file (`files/<id>` or its full URI) given at `param`; its type
 * is taken from `filename` when that tells it.
 */
export function fileIdPart(
  fileId: string,
  param: string,
  files: RemoteFiles,
  filename?: string,
): Part {
  const fileUri = /^files\/[^/]+$/.test(fileId) ? `${FILES_API}/v1beta/${fileId}` : fileId;
  if (!remoteFileData(fileUri)?.fileUri.startsWith(FILES_API)) {
    throw invalidValue(
      param,
      "only Gemini Files API files can be referenced (files/<id> or its full URI).",
    );
  }
  const mimeType = filename && mimeTypeFromName(filename);
  files.budget.addPart(param);
  return { fileData: mimeType ? { fileUri, mimeType } : { fileUri } };
}

/** An `inlineData` part, counted against the request's media budget. */
export function inlinePart(blob: Blob, param: string, files: RemoteFiles): Part {
  files.budget.addPart(param);
  files.budget.addBase64(blob.data, param);
  return { inlineData: blob };
}

/** `data` without whitespace, if it is standard or URL-safe base64; else a 400 at `param`. */
export function checkBase64(data: string, param: string): string {
  const compact = data.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact) || compact.replace(/=+$/, "").length % 4 === 1) {
    throw invalidValue(param, "the data is not valid base64.");
  }
  return compact;
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

function unknownType(filename: string | undefined, param: string): GatewayError {
  return invalidValue(
    param,
    filename
      ? `cannot tell the media type of '${
        excerpt(filename)
      }' from its extension; send the data as a data: URI with a media type.`
      : "the data needs a media type: send a data: URI, or a file name with a known extension.",
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
  try {
    return { mimeType: sniffMimeType(decodeBase64(data.slice(0, 16))), data };
  } catch {
    return { data };
  }
}
