/**
 * The failure of a Gemini answer that lacks the picture or the audio it was asked for.
 * @module
 */

import type { GenerateContentResponse } from "../gemini/types.ts";
import { GatewayError } from "../core/errors.ts";
import { excerpt } from "../core/excerpt.ts";
import { toFinishReason } from "../core/finish_reason.ts";

/**
 * Why `response` has no `noun` (`an image`, `audio`): a 400 `content_policy_violation` naming
 * `param` when Gemini blocked the prompt or stopped on policy grounds, else a 502 `code` quoting
 * what the model said instead.
 */
export function missingMedia(
  response: GenerateContentResponse,
  noun: string,
  param: string,
  code: string,
): GatewayError {
  const candidate = response.candidates?.[0];
  const said = (candidate?.content?.parts ?? []).filter((part) => !part.thought && part.text)
    .map((part) => part.text).join(" ").trim();
  const blocked = response.promptFeedback?.blockReason;
  const reason = blocked ?? candidate?.finishReason;
  if (blocked || toFinishReason(reason, false) === "content_filter") {
    const detail = response.promptFeedback?.blockReasonMessage ?? candidate?.finishMessage ?? said;
    return new GatewayError(
      400,
      `Gemini declined to make ${noun} for this request (reason: ${reason}).` +
        (detail ? ` ${excerpt(detail, 300)}` : ""),
      "invalid_request_error",
      param,
      "content_policy_violation",
    );
  }
  return new GatewayError(
    502,
    `Gemini answered without ${noun} (finish reason: ${reason ?? "none"})` +
      (said ? `, saying: ${excerpt(said, 300)}` : "."),
    "api_error",
    null,
    code,
  );
}
