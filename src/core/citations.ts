/**
 * Gemini's search grounding as citations over the answer text: a URL, a title and a range of
 * characters (Unicode code points).
 *
 * Gemini measures a segment in UTF-8 bytes from the start of the answer text; clients count
 * characters. A segment whose bytes do not hold the text Gemini quotes for it (the answer was
 * assembled from several parts) is found by that text instead.
 * @module
 */

import type { GroundingMetadata, GroundingSupport } from "../gemini/types.ts";

/** A web source cited over `start`…`end` (code points, end exclusive) of the answer. */
export interface Citation {
  url: string;
  title: string;
  start: number;
  end: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function locate(
  segment: NonNullable<GroundingSupport["segment"]>,
  text: string,
  bytes: Uint8Array,
): { start: number; end: number } {
  const startByte = Math.min(segment.startIndex ?? 0, bytes.length);
  const endByte = Math.min(Math.max(segment.endIndex ?? 0, startByte), bytes.length);
  const quoted = segment.text;
  if (quoted && decoder.decode(bytes.subarray(startByte, endByte)) !== quoted) {
    const at = text.indexOf(quoted);
    if (at >= 0) {
      const start = codePoints(text.slice(0, at));
      return { start, end: start + codePoints(quoted) };
    }
  }
  const start = codePoints(decoder.decode(bytes.subarray(0, startByte)));
  return { start, end: start + codePoints(decoder.decode(bytes.subarray(startByte, endByte))) };
}

function citation(
  web: { uri?: string; title?: string } | undefined,
  start: number,
  end: number,
): Citation | undefined {
  if (!web?.uri) return undefined;
  const url = URL.canParse(web.uri) ? new URL(web.uri).href : web.uri;
  return { url, title: web.title ?? url, start, end };
}

/**
 * The citations of an answer `text`: one per web source of each grounding support, over the
 * support's segment; without supports, every web source is cited over the whole text.
 */
export function toCitations(metadata: GroundingMetadata | undefined, text: string): Citation[] {
  const chunks = metadata?.groundingChunks ?? [];
  if (chunks.length === 0) return [];
  const supports = metadata?.groundingSupports ?? [];
  const citations: Citation[] = [];
  if (supports.length === 0) {
    const end = codePoints(text);
    for (const chunk of chunks) {
      const found = citation(chunk.web, 0, end);
      if (found) citations.push(found);
    }
    return citations;
  }
  const bytes = encoder.encode(text);
  for (const support of supports) {
    if (!support.segment) continue;
    const { start, end } = locate(support.segment, text, bytes);
    for (const index of support.groundingChunkIndices ?? []) {
      const found = citation(chunks[index]?.web, start, end);
      if (found) citations.push(found);
    }
  }
  return citations;
}
