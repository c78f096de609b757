/**
 * Quoting client values in messages without echoing them whole.
 * @module
 */

/** The longest excerpt of a value an error message quotes. */
export const MAX_EXCERPT_LENGTH = 100;

/** `text`, or its first {@linkcode MAX_EXCERPT_LENGTH} characters and "…" when it is longer. */
export function excerpt(text: string, max = MAX_EXCERPT_LENGTH): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
