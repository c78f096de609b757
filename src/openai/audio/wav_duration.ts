/**
 * The length of a WAV file's audio, read from its header.
 * @module
 */

/** How much of a file {@linkcode wavDuration} needs to see. */
export const WAV_HEADER_BYTES = 4096;

/**
 * Seconds of audio in a WAV file of `size` bytes whose first bytes are `head` (at least its
 * `fmt ` chunk and the start of its `data` chunk); `undefined` when `head` is no such header.
 */
export function wavDuration(head: Uint8Array, size: number): number | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const tag = (at: number) => String.fromCharCode(...head.subarray(at, at + 4));
  if (head.length < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") return undefined;
  let byteRate = 0;
  for (let at = 12; at + 8 <= head.length;) {
    const chunk = view.getUint32(at + 4, true);
    if (tag(at) === "fmt " && at + 20 <= head.length) byteRate = view.getUint32(at + 16, true);
    if (tag(at) === "data") {
      return byteRate > 0 ? Math.min(chunk, size - at - 8) / byteRate : undefined;
    }
    at += 8 + chunk + (chunk % 2);
  }
  return undefined;
}
