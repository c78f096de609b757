/**
 * Media given by URL, base64 or Files API id → Gemini parts, counted against the media budget.
 * @module
 */

import { excerpt } from "./excerpt.ts";
import { decodeBase64 } from "../http/base64.ts";
import type { Blob, Part } from "../gemini/types.ts";
import type { RemoteFiles } from "./remote_files.ts";
import { invalidValue } from "../http/fields.ts";
import { mimeTypeFromName, normalizeMimeType, sniffMimeType } from "./mime.ts";

const FILES_API = "https://generativelanguage.googleapis.com";

/** A part for `url`: a data: URI inline, a Files API or YouTube URL as `fileData`, else fetched. */
export function urlPart(url: string, param: string, files: RemoteFiles): Part {
  if (url.startsWith("data:")) {
    const { mimeType, data } = parseDataUri(url, param);
    if (!mimeType) {
      throw invalidValue(
        param,
        "the data: URI has no media type and its content is not a known format; expected data:<type>;base64,<data>.",
      );
    }
    return inline({ mimeType, data }, param, files);
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

/** A part for base64 `data` (or a data: URI), its type given, sniffed, or from `filename`. */
export function base64Part(
  data: string,
  mimeType: string | undefined,
  param: string,
  files: RemoteFiles,
  filename?: string,
): Part {
  const blob = data.startsWith("data:")
    ? parseDataUri(data, param)
    : sniffed(checkBase64(data, param));
  const type = mimeType ?? blob.mimeType ?? (filename && mimeTypeFromName(filename));
  if (!type) {
    throw invalidValue(
      param,
      filename
        ? `cannot tell the media type of '${excerpt(filename)}' from its extension.`
        : "the data needs a media type: send a data: URI, or a filename with a known extension.",
    );
  }
  return inline({ mimeType: type, data: blob.data }, param, files);
}

/** A part referencing a Gemini Files API file (`files/<id>` or its URI). */
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

/** `data` without whitespace, if it is standard or URL-safe base64; else a 400. */
export function checkBase64(data: string, param: string): string {
  const compact = data.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact) || compact.replace(/=+$/, "").length % 4 === 1) {
    throw invalidValue(param, "the data is not valid base64.");
  }
  return compact;
}

function inline(blob: Blob, param: string, files: RemoteFiles): Part {
  files.budget.addPart(param);
  files.budget.addBase64(blob.data, param);
  return { inlineData: blob };
}

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

function parseDataUri(uri: string, param: string): { mimeType?: string; data: string } {
  const match = /^data:([^,]*),(.*)$/s.exec(uri);
  if (!match) throw invalidValue(param, "malformed data: URI; expected data:<type>;base64,<data>.");
  const [type, ...parameters] = match[1].split(";").map((piece) => piece.trim());
  const base64 = parameters.some((piece) => piece.toLowerCase() === "base64");
  let data: string;
  if (base64) data = checkBase64(match[2], param);
  else {
    try {
      data = new TextEncoder().encode(decodeURIComponent(match[2])).toBase64();
    } catch {
      throw invalidValue(param, "malformed percent-encoding in the data: URI.");
    }
  }
  const declared = normalizeMimeType(type);
  return declared ? { mimeType: declared, data } : sniffed(data);
}

function sniffed(data: string): { mimeType?: string; data: string } {
  try {
    return { mimeType: sniffMimeType(decodeBase64(data.slice(0, 16))), data };
  } catch {
    return { data };
  }
}
