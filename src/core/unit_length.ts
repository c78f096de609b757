/**
 * Embedding vectors scaled to unit length, as OpenAI's and Ollama's are (Gemini normalizes only
 * its full-size vectors).
 * @module
 */

/**
 * `values` scaled to unit length. Vectors already of unit length (within float32 precision) are
 * returned as they are, so that Gemini's own values pass through unchanged.
 */
export function toUnitLength(values: number[]): number[] {
  const norm = Math.hypot(...values);
  if (norm === 0 || Math.abs(norm - 1) < 1e-5) return values;
  return values.map((value) => value / norm);
}
