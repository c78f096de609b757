/**
 * Fetches the remote files a chat request links to (`image_url` with an http(s) URL), so they
 * can be sent to Gemini inline.
 *
 * Unless `allowPrivateUrlFetch` is set, only public addresses are fetched: the host of the URL
 * and of every redirect is checked, and a host name is resolved (A and AAAA) so that each of its
 * addresses is checked too. Where resolving is not permitted or not available, names that are
 * obviously local (`localhost`, single labels, `.local`, `.internal`…) are still refused and
 * other names are fetched. Redirects are followed by hand, at most five.
 *
 * Every failure is a 400 without a `param`: the caller sets the field the URL came from.
 * @module
 */

import type { Config } from "../config.ts";
import { readAtMost } from "../http/body.ts";
import { GatewayError, invalidRequest } from "./errors.ts";
import { excerpt } from "./excerpt.ts";
import { fetchFailureCause } from "./fetch_failure.ts";
import { mimeTypeFromName, normalizeMimeType, sniffMimeType } from "./mime.ts";
import type { FetchFile } from "./remote_files.ts";

/** The settings the fetcher reads. */
export type FileFetchConfig = Pick<
  Config,
  "allowPrivateUrlFetch" | "fetchMaxBytes" | "fetchTimeoutMs"
>;

/** Resolves a host name to its addresses of one record type, like `Deno.resolveDns`. */
export type ResolveDns = (
  hostname: string,
  type: "A" | "AAAA",
  signal: AbortSignal,
) => Promise<string[]>;

const MAX_REDIRECTS = 5;

/** A {@linkcode FetchFile}; `resolveDns` defaults to `Deno.resolveDns`. */
export function createFileFetcher(
  config: FileFetchConfig,
  resolveDns: ResolveDns = (hostname, type, signal) => Deno.resolveDns(hostname, type, { signal }),
): FetchFile {
  return async (url, onBytes) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.fetchTimeoutMs);
    try {
      const response = await follow(url, config, resolveDns, controller.signal);
      const bytes = await readCapped(response, config.fetchMaxBytes, url, onBytes);
      return { mimeType: mimeTypeOf(response, bytes, url), data: bytes.toBase64() };
    } catch (error) {
      if (error instanceof GatewayError) throw error;
      if (controller.signal.aborted) {
        throw invalidRequest(
          `Timed out after ${config.fetchTimeoutMs} ms while fetching ${excerpt(url)}.`,
          null,
          "file_fetch_timeout",
        );
      }
      throw invalidRequest(
        `Could not fetch ${excerpt(url)}: ${fetchFailureCause(error)}.`,
        null,
        "file_fetch_failed",
      );
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Fetches `url`, following redirects and checking every hop; answers a 2xx response. */
async function follow(
  url: string,
  config: FileFetchConfig,
  resolveDns: ResolveDns,
  signal: AbortSignal,
): Promise<Response> {
  let target = parseHttpUrl(url);
  for (let hop = 0;; hop++) {
    if (!config.allowPrivateUrlFetch) await assertPublic(target, resolveDns, signal);
    const response = await fetch(target, { redirect: "manual", signal });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop === MAX_REDIRECTS) {
        throw invalidRequest(
          `Could not fetch ${excerpt(url)}: more than ${MAX_REDIRECTS} redirects.`,
          null,
          "file_fetch_failed",
        );
      }
      target = parseHttpUrl(new URL(location, target).href);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw invalidRequest(
        `Could not fetch ${excerpt(url)} (HTTP ${response.status}).`,
        null,
        "file_fetch_failed",
      );
    }
    return response;
  }
}

function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidRequest(`Invalid URL: ${excerpt(url)}`, null, "invalid_url");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw invalidRequest(
      `Only http and https URLs can be fetched, got ${excerpt(parsed.protocol)} in ${excerpt(url)}`,
      null,
      "invalid_url",
    );
  }
  return parsed;
}

/**
 * Reads the body, stopping as soon as it grows past `maxBytes` or `onBytes`, told of every piece,
 * throws.
 */
async function readCapped(
  response: Response,
  maxBytes: number,
  url: string,
  onBytes: (bytes: number) => void = () => {},
): Promise<Uint8Array> {
  const tooLarge = () =>
    invalidRequest(
      `The file at ${excerpt(url)} is too large: the limit is ${maxBytes} bytes.`,
      null,
      "file_too_large",
    );
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const counted = response.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onBytes(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
  return await readAtMost(counted ?? null, maxBytes, tooLarge);
}

function mimeTypeOf(response: Response, bytes: Uint8Array, url: string): string {
  const mimeType = normalizeMimeType(response.headers.get("content-type")) ??
    sniffMimeType(bytes) ?? mimeTypeFromName(new URL(response.url || url).pathname);
  if (mimeType) return mimeType;
  throw invalidRequest(
    `Could not tell the media type of the file at ${
      excerpt(url)
    }: it has no Content-Type and is not a known format.`,
    null,
    "unknown_media_type",
  );
}

/** Refuses a URL whose host is, or resolves to, a non-public address. */
async function assertPublic(url: URL, resolveDns: ResolveDns, signal: AbortSignal): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const refuse = (why: string) =>
    invalidRequest(
      `Refusing to fetch ${excerpt(url.href)}: ${why}. Only public addresses can be fetched.`,
      null,
      "url_not_allowed",
    );
  if (isIpAddress(host)) {
    if (isPrivateAddress(host)) throw refuse(`${excerpt(host)} is a private address`);
    return;
  }
  if (isLocalName(host)) throw refuse(`${excerpt(host)} is a local host name`);
  const addresses = await resolve(host, resolveDns, signal);
  const local = addresses?.find(isPrivateAddress);
  if (local) throw refuse(`${excerpt(host)} resolves to the private address ${local}`);
}

/** The addresses of `host`, or `undefined` when resolving is not permitted or not available. */
async function resolve(
  host: string,
  resolveDns: ResolveDns,
  signal: AbortSignal,
): Promise<string[] | undefined> {
  const results = await Promise.allSettled(
    (["A", "AAAA"] as const).map(async (type) => await resolveDns(host, type, signal)),
  );
  signal.throwIfAborted();
  const addresses = results.flatMap((result) => result.status === "fulfilled" ? result.value : []);
  if (addresses.length > 0) return addresses;
  const failures = results.map((result) => result.status === "rejected" ? result.reason : null);
  if (failures.some(isUnavailable)) return undefined;
  throw invalidRequest(
    `Could not resolve the host name ${excerpt(host)}.`,
    null,
    "file_fetch_failed",
  );
}

function isUnavailable(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  const name = error instanceof Error ? error.name : "";
  return name === "NotCapable" || name === "PermissionDenied" || name === "NotSupported";
}

const LOCAL_SUFFIXES = [".localhost", ".local", ".internal", ".home.arpa", ".lan"];

function isLocalName(host: string): boolean {
  const name = host.replace(/\.$/, "");
  return !name.includes(".") || name === "localhost" ||
    LOCAL_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

function isIpAddress(host: string): boolean {
  return parseIPv4(host) !== undefined || parseIPv6(host) !== undefined;
}

/**
 * True for addresses that are not public: unspecified, loopback, private (10/8, 172.16/12,
 * 192.168/16, 100.64/10, fc00::/7), link-local (169.254/16, fe80::/10), multicast and reserved;
 * IPv4-mapped IPv6 addresses are judged by their IPv4 address. Anything unparsable is private.
 */
export function isPrivateAddress(address: string): boolean {
  const v4 = parseIPv4(address);
  if (v4) return isPrivateIPv4(v4);
  const v6 = parseIPv6(address);
  if (!v6) return true;
  const [first] = v6;
  if (v6.slice(0, 5).every((group) => group === 0) && v6[5] === 0xffff) {
    return isPrivateIPv4([v6[6] >> 8, v6[6] & 0xff, v6[7] >> 8, v6[7] & 0xff]);
  }
  return v6.slice(0, 6).every((group) => group === 0) || // ::, ::1, IPv4-compatible
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xffc0) === 0xfec0 || // fec0::/10 site-local
    (first & 0xff00) === 0xff00; // ff00::/8 multicast
}

function isPrivateIPv4([a, b]: number[]): boolean {
  return a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168);
}

function parseIPv4(address: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  const bytes = match?.slice(1).map(Number);
  return bytes?.every((byte) => byte <= 255) ? bytes : undefined;
}

/** The eight 16-bit groups of an IPv6 address (`::` and a trailing IPv4 part allowed). */
function parseIPv6(address: string): number[] | undefined {
  if (!address.includes(":")) return undefined;
  let text = address.replace(/%.*$/, "");
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const bytes = parseIPv4(v4[1]);
    if (!bytes) return undefined;
    const high = ((bytes[0] << 8) | bytes[1]).toString(16);
    const low = ((bytes[2] << 8) | bytes[3]).toString(16);
    text = `${text.slice(0, v4.index)}${high}:${low}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (half: string) => half === "" ? [] : half.split(":");
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const fill = 8 - head.length - tail.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return undefined;
  const all = [...head, ...Array(halves.length === 2 ? fill : 0).fill("0"), ...tail];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  return all.map((group) => parseInt(group, 16));
}
