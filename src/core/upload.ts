/**
 * A file uploaded in a multipart form as a Gemini inline `Blob`: its media type as declared, or
 * (when declared as `application/octet-stream`, not at all, as the openai SDKs' `toFile` and
 * `curl -F` send files, or as a type Gemini does not take, such as `audio/mpga` or `video/mpeg`
 * for MP3) recognised from its bytes or its name; counted against the request's media budget.
 * @module
 */

import type { Blob as GeminiBlob } from "../gemini/types.ts";
import { invalidRequest } from "./errors.ts";
import type { MediaBudget } from "./media_budget.ts";
import { mimeTypeFromName, normalizeMimeType, sniffMimeType } from "./mime.ts";

/** The media types an upload may have, and what to call them in errors. */
export interface UploadKinds {
  /** e.g. `an image`, `an audio file`. */
  noun: string;
  /** The accepted media types, as Gemini names them. */
  mimeTypes: readonly string[];
  /** How the error names the accepted formats, e.g. `PNG, JPEG or WEBP`. */
  names: string;
}

/**
 * The inline `Blob` of `file` (the form field `param`), of the first of its declared type, its
 * bytes' and its name's that is one of `kinds`; when none is, a 400 naming `param`. An empty
 * file is a 400 too; its bytes count against `budget` (413 past it).
 */
export async function uploadedBlob(
  file: File,
  param: string,
  kinds: UploadKinds,
  budget: MediaBudget,
): Promise<GeminiBlob> {
  budget.addPart(param);
  budget.addBytes(file.size, param);
  if (file.size === 0) {
    throw invalidRequest(`Invalid '${param}': the file is empty.`, param, "invalid_value");
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const told = [
    normalizeMimeType(file.type),
    sniffMimeType(bytes.subarray(0, 16)),
    mimeTypeFromName(file.name),
  ];
  const mimeType = told.find((type) => type && kinds.mimeTypes.includes(type)) ??
    told.find(Boolean);
  if (!mimeType || !kinds.mimeTypes.includes(mimeType)) {
    const found = mimeType ? `of type ${mimeType}` : "of a format not recognised";
    throw invalidRequest(
      `Invalid '${param}': expected ${kinds.noun} (${kinds.names}), but got a file ${found}.`,
      param,
      "invalid_file_format",
    );
  }
  return { mimeType, data: bytes.toBase64() };
}
