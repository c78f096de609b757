/**
 * What a Gemini error says about the API key that made the call: a spent quota, a key Gemini
 * refuses, a passing server failure, or nothing at all (the request's own fault, or the
 * server's location). The key pool decides from it whether to cool a key, drop it, or retry.
 * @module
 */

import type { GeminiErrorBody } from "../gemini/types.ts";

/** A Gemini error as the key pool sees it. */
export type GeminiFailure =
  /**
   * 429: a quota ran out, for a minute or until Gemini's daily reset; `retryDelayMs` from
   * `RetryInfo.retryDelay` when present.
   */
  | { kind: "quota"; period: "minute" | "day"; retryDelayMs?: number }
  /** The key itself is refused: `API_KEY_INVALID`, 401, or a 403 about the key or its project. */
  | { kind: "key"; reason: string }
  /** 500 or 503: may go better with another key. */
  | { kind: "unavailable" }
  /** Not the key's doing: the request's own fault, or the gateway's location. */
  | { kind: "other" };

/** `ErrorInfo.reason`s of a 403 that refuses the key (or its project), not the request. */
const KEY_REASONS = new Set([
  "API_KEY_INVALID",
  "API_KEY_SERVICE_BLOCKED",
  "API_KEY_HTTP_REFERRER_BLOCKED",
  "API_KEY_IP_ADDRESS_BLOCKED",
  "API_KEY_ANDROID_APP_BLOCKED",
  "API_KEY_IOS_APP_BLOCKED",
  "SERVICE_DISABLED",
  "CONSUMER_SUSPENDED",
]);

type ErrorFields = GeminiErrorBody["error"];

/** The details of `error` whose `@type` ends with `type` (e.g. `google.rpc.RetryInfo`). */
function detailsOf(error: ErrorFields | undefined, type: string): Record<string, unknown>[] {
  const details: unknown = error?.details;
  if (!Array.isArray(details)) return [];
  return details.filter((detail) =>
    typeof detail === "object" && detail !== null && String(detail["@type"]).endsWith(type)
  );
}

/** Milliseconds from a `google.rpc.RetryInfo` detail's `retryDelay` such as `"26s"`. */
export function retryDelayMs(error: ErrorFields | undefined): number | undefined {
  for (const detail of detailsOf(error, "google.rpc.RetryInfo")) {
    const seconds = Number.parseFloat(String(detail.retryDelay ?? ""));
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  }
  return undefined;
}

/** The `ErrorInfo.reason`s of `error`. */
export function errorReasons(error: ErrorFields | undefined): string[] {
  return detailsOf(error, "google.rpc.ErrorInfo").map((detail) => String(detail.reason ?? ""));
}

/** Whether a `QuotaFailure` names a per-day quota (`GenerateRequestsPerDayPerProjectPerModel…`). */
function dailyQuota(error: ErrorFields | undefined): boolean {
  return detailsOf(error, "google.rpc.QuotaFailure").some((detail) =>
    Array.isArray(detail.violations) &&
    detail.violations.some((violation) => /PerDay/i.test(String(violation?.quotaId ?? "")))
  );
}

/**
 * Classifies a Gemini error by its HTTP status and parsed body (`undefined` when the body was
 * not Gemini's JSON).
 *
 * A 429 is a per-day quota when a `QuotaFailure` violation's `quotaId` says `PerDay`, else a
 * per-minute one. A 403 counts against the key only when it is about the key (an `ErrorInfo`
 * reason such as `SERVICE_DISABLED`, or a message naming the API key, as for a leaked key): a
 * 403 about a file or tuned model the request names is the request's. `FAILED_PRECONDITION`
 * ("User location is not supported") is never the key's.
 */
export function classifyGeminiError(status: number, error: ErrorFields | undefined): GeminiFailure {
  const reasons = errorReasons(error);
  if (status === 429) {
    return {
      kind: "quota",
      period: dailyQuota(error) ? "day" : "minute",
      retryDelayMs: retryDelayMs(error),
    };
  }
  if (status === 400 && reasons.includes("API_KEY_INVALID")) {
    return { kind: "key", reason: "API_KEY_INVALID" };
  }
  if (status === 401) return { kind: "key", reason: error?.status ?? "UNAUTHENTICATED" };
  if (status === 403) {
    const reason = reasons.find((name) => KEY_REASONS.has(name));
    if (reason) return { kind: "key", reason };
    if (/\bAPI key\b/i.test(error?.message ?? "")) {
      return { kind: "key", reason: "PERMISSION_DENIED" };
    }
  }
  if (status === 500 || status === 503) return { kind: "unavailable" };
  return { kind: "other" };
}
