/**
 * How the fake Gemini judges API keys, by prefix:
 *
 * - none: 403 `PERMISSION_DENIED` (unregistered callers);
 * - `invalid…`: 400 `API_KEY_INVALID`;
 * - `leaked…`: 403 `PERMISSION_DENIED`, "Your API key was reported as leaked.";
 * - `location…`: 400 `FAILED_PRECONDITION`, "User location is not supported for the API use.";
 * - `quota-minute…`: every generation or embedding call is a 429 on the per-minute request
 *   quota of the called model, with `RetryInfo` `26s`; `quota-minute-<n>s…` retries in n s,
 *   `quota-minute-none…` has no `RetryInfo`;
 * - `quota-day…`: the same on the per-day request quota (also `quota-day-<n>s…`);
 * - any other key is valid.
 *
 * Quota keys still list and get models, as real keys over their generation quota do.
 * @module
 */

import type { GeminiErrorBody } from "../gemini/types.ts";
import { errorBody, invalidKeyError, missingKeyError, quotaError } from "./wire.ts";

/** The verdict on a request's credential (the Live endpoint's view: quotas are not checked). */
export type KeyCheck = "ok" | "missing" | "invalid";

/** Judges `key` (from `x-goog-api-key`, `?key=` or an ephemeral token). */
export function checkKey(key: string | null | undefined): KeyCheck {
  if (!key) return "missing";
  return key.startsWith("invalid") ? "invalid" : "ok";
}

/** The key a request carries, in the places the real API reads it from. */
export function requestKey(request: Request): string | null {
  const url = new URL(request.url);
  return request.headers.get("x-goog-api-key") ?? url.searchParams.get("key") ??
    url.searchParams.get("access_token") ??
    request.headers.get("authorization")?.replace(/^(Token|Bearer)\s+/i, "") ?? null;
}

const QUOTA_KEY = /^quota-(minute|day)(?:-(none|\d+s))?/;

/**
 * The error a REST call with `key` gets before anything else is looked at, or `undefined` when
 * the key is good for it. `model` is the called model, `undefined` for `models.list`/`get`.
 */
export function keyRefusal(
  key: string | null,
  model: string | undefined,
): GeminiErrorBody | undefined {
  if (!key) return missingKeyError();
  if (key.startsWith("invalid")) return invalidKeyError();
  if (key.startsWith("leaked")) {
    return errorBody(403, "Your API key was reported as leaked. Please use another API key.");
  }
  if (key.startsWith("location")) {
    const body = errorBody(400, "User location is not supported for the API use.");
    body.error.status = "FAILED_PRECONDITION";
    return body;
  }
  const quota = QUOTA_KEY.exec(key);
  if (!quota || model === undefined) return undefined;
  const [, period, delay] = quota;
  const per = period === "day" ? "Day" : "Minute";
  return quotaError(
    {
      quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_requests",
      quotaId: `GenerateRequestsPer${per}PerProjectPerModel-FreeTier`,
      quotaDimensions: { location: "global", model },
      quotaValue: period === "day" ? "250" : "10",
    },
    delay === "none" ? null : delay ?? "26s",
  );
}
