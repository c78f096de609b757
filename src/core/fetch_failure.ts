/**
 * Describing a failed `fetch` to a client without quoting its error.
 * @module
 */

/** Generic causes, recognized in a failed `fetch`'s message, which is never passed on itself. */
const CAUSES: [RegExp, string][] = [
  [/dns|resolve|lookup|name or service|nodename/i, "its host name could not be resolved"],
  [/refused/i, "the connection was refused"],
  [/certificate|tls|ssl|handshake/i, "the secure connection could not be set up"],
  [/reset|broken pipe|closed|body|incomplete|unexpected (eof|end)/i, "the connection was cut"],
  [/timed? ?out/i, "the connection timed out"],
];

/**
 * Why a `fetch` failed, in generic words ("the connection was refused"), recognized in its
 * error's message and causes, which are never passed on themselves: they may quote headers.
 */
export function fetchFailureCause(error: unknown): string {
  const messages: string[] = [];
  for (let link = error, depth = 0; link !== undefined && depth < 5; depth++) {
    messages.push(link instanceof Error ? link.message : String(link));
    link = link instanceof Error ? link.cause : undefined;
  }
  const text = messages.join(" ");
  return CAUSES.find(([pattern]) => pattern.test(text))?.[1] ?? "the request failed";
}
