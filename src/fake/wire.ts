/**
 * The exact bytes Gemini puts on the wire: pretty JSON bodies, compact SSE events, JSON-array
 * stream framing, and the canonical error bodies.
 * @module
 */

import type { GeminiErrorBody } from "../gemini/types.ts";

/** `JSON.rawJSON`, which V8 has and TypeScript's library does not declare yet. */
const rawJSON = (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON;

/**
 * A number as Google prints it: like JSON, except that magnitudes below 1e-4 take the exponent
 * form with at least two exponent digits (`6.110433e-05`).
 */
export function numberText(value: number): string {
  if (value === 0 || !Number.isFinite(value) || Math.abs(value) >= 1e-4) {
    return JSON.stringify(value);
  }
  return value.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
}

function googleNumbers(_key: string, value: unknown): unknown {
  return typeof value === "number" && value !== 0 && Math.abs(value) < 1e-4
    ? rawJSON(numberText(value))
    : value;
}

/** JSON indented by 2 spaces, numbers as Google prints them. */
function indented(value: unknown): string {
  return JSON.stringify(value, googleNumbers, 2);
}

/** A non-streaming body: 2-space indented JSON with a trailing newline. */
export function prettyJson(value: unknown): string {
  return indented(value) + "\n";
}

/**
 * The JSON of an SSE event: `": "` after keys, `,` alone between members, and `<`/`>` inside
 * strings escaped as `\u003c`/`\u003e`.
 */
export function compactJson(value: unknown): string {
  if (typeof value === "number") return numberText(value);
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value) ?? "null";
    return typeof value === "string"
      ? text.replaceAll("<", "\\u003c").replaceAll(">", "\\u003e")
      : text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => item === undefined ? "null" : compactJson(item)).join(",")}]`;
  }
  const members = Object.entries(value)
    .filter(([, member]) => member !== undefined && typeof member !== "function")
    .map(([key, member]) => `${compactJson(key)}: ${compactJson(member)}`);
  return `{${members.join(",")}}`;
}

/** One SSE event: `data: <compact json>` and a CRLF blank line. */
export function sseEvent(value: unknown): string {
  return `data: ${compactJson(value)}\r\n\r\n`;
}

/** The bytes that close a JSON-array stream. */
export const JSON_ARRAY_END = "\n]";

/**
 * The piece of a JSON-array stream (`streamGenerateContent` without `alt=sse`) carrying its
 * `index`-th element: `[` before the first, `\n,\r\n` before the others.
 */
export function jsonArrayElement(value: unknown, index: number): string {
  return (index === 0 ? "[" : "\n,\r\n") + indented(value);
}

/** A whole JSON-array stream of `values`, as Gemini frames it. */
export function jsonArray(values: unknown[]): string {
  if (values.length === 0) return "[]";
  return values.map(jsonArrayElement).join("") + JSON_ARRAY_END;
}

/** The canonical status name of each HTTP status Gemini answers with. */
const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ABORTED",
  429: "RESOURCE_EXHAUSTED",
  499: "CANCELLED",
  500: "INTERNAL",
  501: "NOT_IMPLEMENTED",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

/** The canonical status name for an HTTP status (`UNKNOWN` when Google has none for it). */
function statusName(code: number): string {
  return STATUS_NAMES[code] ?? "UNKNOWN";
}

/** A `google.rpc.Status` error envelope; `details` is left out when empty. */
export function errorBody(
  code: number,
  message: string,
  details?: GeminiErrorBody["error"]["details"],
): GeminiErrorBody {
  const error: GeminiErrorBody["error"] = { code, message, status: statusName(code) };
  if (details?.length) error.details = details;
  return { error };
}

/** The 400 `API_KEY_INVALID` body Gemini answers a wrong key with. */
export function invalidKeyError(): GeminiErrorBody {
  const message = "API key not valid. Please pass a valid API key.";
  return errorBody(400, message, [
    {
      "@type": "type.googleapis.com/google.rpc.ErrorInfo",
      reason: "API_KEY_INVALID",
      domain: "googleapis.com",
      metadata: { service: "generativelanguage.googleapis.com" },
    },
    { "@type": "type.googleapis.com/google.rpc.LocalizedMessage", locale: "en-US", message },
  ]);
}

/** The 403 body Gemini answers a request without credentials with. */
export function missingKeyError(): GeminiErrorBody {
  return errorBody(
    403,
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  );
}

/** The 404 a generation or embedding method answers for a model it does not know. */
export function modelNotFoundError(
  model: string,
  version: string,
  method: string,
): GeminiErrorBody {
  return errorBody(
    404,
    `models/${model} is not found for API version ${version}, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
  );
}

/** One violated quota of a 429's `QuotaFailure`. */
export interface QuotaViolation {
  quotaMetric: string;
  quotaId: string;
  quotaDimensions: Record<string, string>;
  quotaValue?: string;
}

/** The violation of the capture (fixture 22): input tokens per minute on gemini-2.5-flash. */
const TOKENS_PER_MINUTE: QuotaViolation = {
  quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_input_token_count",
  quotaId: "GenerateContentInputTokensPerModelPerMinute-FreeTier",
  quotaDimensions: { location: "global", model: "gemini-2.5-flash" },
  quotaValue: "250000",
};

/**
 * The 429 quota error, with its `QuotaFailure`, `Help` and `RetryInfo` details: by default the
 * captured one; a `retryDelay` of `null` leaves `RetryInfo` out.
 */
export function quotaError(
  violation: QuotaViolation = TOKENS_PER_MINUTE,
  retryDelay: string | null = "26s",
): GeminiErrorBody {
  const body = errorBody(
    429,
    "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.",
    [
      { "@type": "type.googleapis.com/google.rpc.QuotaFailure", violations: [violation] },
      {
        "@type": "type.googleapis.com/google.rpc.Help",
        links: [
          {
            description: "Learn more about Gemini API quotas",
            url: "https://ai.google.dev/gemini-api/docs/rate-limits",
          },
        ],
      },
    ],
  );
  if (retryDelay !== null) {
    body.error.details!.push({ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay });
  }
  return body;
}

/**
 * The real body Gemini sends for an HTTP status: 400 `API_KEY_INVALID`, 403 no key, 404 model
 * not found, 429 quota with `RetryInfo`, 500 internal, 503 overloaded; any other status gets a
 * plain envelope with its canonical name.
 */
export function canonicalError(status: number): GeminiErrorBody {
  switch (status) {
    case 400:
      return invalidKeyError();
    case 403:
      return missingKeyError();
    case 404:
      return modelNotFoundError("gemini-pro", "v1beta", "generateContent");
    case 429:
      return quotaError();
    case 500:
      return errorBody(
        500,
        "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
      );
    case 503:
      return errorBody(503, "The model is overloaded. Please try again later.");
    case 504:
      return errorBody(504, "Deadline expired before operation could complete.");
    default:
      return errorBody(status, `The service answered with HTTP ${status}.`);
  }
}
