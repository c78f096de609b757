/**
 * The length of a WAV file's audio, read from its header.
 * @module
 */

import { readWavLayout } from "../../core/wav.ts";

/** How much of a file {@linkcode wavDuration} needs to see. */
export const WAV_HEADER_BYTES = 4096;

/**
 * Seconds of audio in a WAV file of `size` bytes whose first bytes are `head` (at least its
 * `fmt ` chunk and the start of its `data` chunk); `undefined` when `head` is no such header.
 */
export function wavDuration(head: Uint8Array, size: number): number | undefined {
  const layout = readWavLayout(head);
  if (!layout?.byteRate) return undefined;
  return Math.min(layout.dataSize, size - layout.dataStart) / layout.byteRate;
}
