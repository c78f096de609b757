/**
 * What `GET /` answers, chosen by the request's `Accept` header: browsers get the console, API
 * clients that ask for JSON get the service description, and everything else (no `Accept`,
 * a bare wildcard, as Ollama clients and curl send) gets Ollama's `Ollama is running`.
 * @module
 */

/** The three answers of `GET /`. */
export type RootAnswer = "html" | "json" | "text";

/** The media types `accept` lists with a non-zero quality, lower-cased, parameters dropped. */
function acceptedTypes(accept: string): string[] {
  return accept.split(",").flatMap((range) => {
    const [type, ...parameters] = range.split(";").map((piece) => piece.trim().toLowerCase());
    const zero = parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter));
    return type && !zero ? [type] : [];
  });
}

/**
 * The answer for an `Accept` header (or none): `text/html` wins (browsers also send wildcards), then
 * `application/json`; wildcards alone are plain text.
 */
export function rootAnswer(accept: string | null): RootAnswer {
  const types = acceptedTypes(accept ?? "");
  if (types.includes("text/html")) return "html";
  if (types.includes("application/json")) return "json";
  return "text";
}
