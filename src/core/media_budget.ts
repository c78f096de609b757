/**
 * What one request may carry in media: fetched files and inline data (`data:` URIs, base64)
 * together, counted in parts and in bytes.
 * @module
 */

import { GatewayError, invalidRequest } from "./errors.ts";

/** The limits of one request's media (settings `MAX_MEDIA_BYTES`, `MAX_MEDIA_PARTS`). */
export interface MediaLimits {
  /** Most bytes of media, decoded. */
  maxMediaBytes: number;
  /** Most media parts. */
  maxMediaParts: number;
}

/** No limits, for translations that fetch nothing (e.g. in tests). */
const UNLIMITED: MediaLimits = { maxMediaBytes: Infinity, maxMediaParts: Infinity };

/** The media one request has used so far, failing as soon as it goes over its limits. */
export class MediaBudget {
  #bytes = 0;
  #parts = 0;

  constructor(readonly limits: MediaLimits = UNLIMITED) {}

  /** Counts one more media part, found at `param`; a 400 past `maxMediaParts`. */
  addPart(param: string): void {
    if (++this.#parts <= this.limits.maxMediaParts) return;
    throw invalidRequest(
      `Too many media parts: a request may carry at most ${this.limits.maxMediaParts} ` +
        "(images, audio and files together).",
      param,
      "too_many_media_parts",
    );
  }

  /** Counts `bytes` more bytes of media for the part at `param`; a 413 past `maxMediaBytes`. */
  addBytes(bytes: number, param: string): void {
    this.#bytes += bytes;
    if (this.#bytes <= this.limits.maxMediaBytes) return;
    throw new GatewayError(
      413,
      `The request's media is larger than the ${this.limits.maxMediaBytes} bytes this gateway ` +
        "accepts in one request (images, audio and files together, fetched or inline).",
      "invalid_request_error",
      param,
      "media_too_large",
    );
  }

  /** Counts the decoded size of the base64 `data` for the part at `param`. */
  addBase64(data: string, param: string): void {
    this.addBytes(Math.floor(data.replace(/=+$/, "").length * 3 / 4), param);
  }
}
