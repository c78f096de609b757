/**
 * Gemini's search grounding as OpenAI `url_citation` annotations (the citations themselves are
 * found by `toCitations`, shared with the Responses API).
 * @module
 */

import { toCitations } from "../../core/citations.ts";
import type { GroundingMetadata } from "../../gemini/types.ts";
import type { UrlCitationAnnotation } from "../types.ts";

/**
 * The citations of an answer `text`: one per web source of each grounding support, over the
 * support's segment; without supports, every web source is cited over the whole text.
 */
export function toAnnotations(
  metadata: GroundingMetadata | undefined,
  text: string,
): UrlCitationAnnotation[] {
  return toCitations(metadata, text).map(({ url, title, start, end }) => ({
    type: "url_citation",
    url_citation: { url, title, start_index: start, end_index: end },
  }));
}
