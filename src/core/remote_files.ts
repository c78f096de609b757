/**
 * The remote files one request links to, fetched once the whole request is known to be valid, a
 * few at a time and within the request's {@linkcode MediaBudget}.
 * @module
 */

import type { Blob, Part } from "../gemini/types.ts";
import { GatewayError } from "./errors.ts";
import { mapBounded } from "./map_bounded.ts";
import { MediaBudget } from "./media_budget.ts";

/**
 * Fetches a remote file (an http(s) URL) as a Gemini {@linkcode Blob}, reporting each piece of
 * its body to `onBytes` as it arrives (which may throw to stop the fetch).
 */
export type FetchFile = (url: string, onBytes?: (bytes: number) => void) => Promise<Blob>;

/** Most files one request fetches at once. */
export const MAX_CONCURRENT_FETCHES = 4;

/**
 * The remote files a request links to, and the budget all of its media is counted against.
 * Conversion only records the files; {@linkcode RemoteFiles.fetchAll} then fills their parts.
 */
export class RemoteFiles {
  #pending: { url: string; param: string; part: Part }[] = [];

  constructor(readonly budget: MediaBudget = new MediaBudget()) {}

  /** A part that {@linkcode RemoteFiles.fetchAll} fills with the file at `url`. */
  add(url: string, param: string): Part {
    this.budget.addPart(param);
    const part: Part = {};
    this.#pending.push({ url, param, part });
    return part;
  }

  /**
   * Fetches every recorded file, {@linkcode MAX_CONCURRENT_FETCHES} at a time, their bytes
   * counted against the budget; a 400 or 413 names the field the URL came from.
   */
  async fetchAll(fetchFile: FetchFile): Promise<void> {
    await mapBounded(this.#pending, MAX_CONCURRENT_FETCHES, async ({ url, param, part }) => {
      try {
        part.inlineData = await fetchFile(url, (bytes) => this.budget.addBytes(bytes, param));
      } catch (error) {
        if (error instanceof GatewayError && (error.status === 400 || error.status === 413)) {
          throw new GatewayError(error.status, error.message, error.type, param, error.code);
        }
        throw error;
      }
    });
  }
}
