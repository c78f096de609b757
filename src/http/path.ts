/**
 * How request paths are read: the same route however clients spell it.
 * @module
 */

/**
 * A request path as routed: repeated and trailing slashes dropped, and the optional `/v1`
 * prefix removed (`//v1//models/` → `/models`).
 */
export function routedPath(pathname: string): string {
  // Most paths need neither slash rule: a prefix check instead of three regular expressions.
  if (!pathname.includes("//") && (pathname.length === 1 || !pathname.endsWith("/"))) {
    if (!pathname.startsWith("/v1")) return pathname;
    if (pathname.length === 3) return "/";
    if (pathname[3] === "/") return pathname.slice(3);
    return pathname;
  }
  const collapsed = pathname.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1");
  return collapsed.replace(/^\/v1(?=\/|$)/, "") || "/";
}

/** Paths that URL parsing leaves as they are: no dot segments, escapes or other characters. */
const PLAIN_PATH = /^[\w/-]*$/;

/**
 * The pathname of the absolute URL `url` (a request's), the same as `new URL(url).pathname`; a
 * plain path is cut out of the string without parsing the whole URL.
 */
export function pathnameOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("://") + 3);
  if (start !== -1) {
    let end = url.indexOf("?", start);
    if (end === -1) end = url.indexOf("#", start);
    const path = end === -1 ? url.slice(start) : url.slice(start, end);
    if (PLAIN_PATH.test(path)) return path;
  }
  return new URL(url).pathname;
}
