/**
 * Gemini's answers (one per image) as OpenAI's `ImagesResponse`.
 * @module
 */

import type { GenerateContentResponse, Part, UsageMetadata } from "../../gemini/types.ts";
import { missingMedia } from "../media_failure.ts";
import { sseEvent } from "../../http/sse.ts";
import type { Image, ImageCompletedEvent, ImageGenUsage, ImagesResponse } from "../types.ts";
import type { ImagePlan, ImageResponseFormat } from "./request.ts";

const OUTPUT_FORMATS: Record<string, ImagesResponse["output_format"]> = {
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/webp": "webp",
};

/** The first picture of an answer (thought images left out), or `undefined`. */
function imagePart(response: GenerateContentResponse): Part | undefined {
  return response.candidates?.[0]?.content?.parts?.find((part) =>
    !part.thought && part.inlineData?.mimeType.startsWith("image/")
  );
}

function count(usage: UsageMetadata | undefined, modality: string): number {
  return usage?.promptTokensDetails?.find((item) => item.modality === modality)?.tokenCount ?? 0;
}

/** The images' usage: every call's tokens added up. */
export function toImagesUsage(responses: GenerateContentResponse[]): ImageGenUsage {
  const usage: ImageGenUsage = {
    total_tokens: 0,
    input_tokens: 0,
    output_tokens: 0,
    input_tokens_details: { text_tokens: 0, image_tokens: 0 },
  };
  for (const { usageMetadata: metadata } of responses) {
    const input = metadata?.promptTokenCount ?? 0;
    const output = (metadata?.candidatesTokenCount ?? 0) + (metadata?.thoughtsTokenCount ?? 0);
    usage.input_tokens += input;
    usage.output_tokens += output;
    usage.total_tokens += input + output;
    usage.input_tokens_details.text_tokens += count(metadata, "TEXT");
    usage.input_tokens_details.image_tokens += count(metadata, "IMAGE");
  }
  return usage;
}

/**
 * The `ImagesResponse` of one answer per image: each answer's first picture as `b64_json`, or as a
 * `data:` URL for `url`. An answer without a picture fails the whole request
 * ({@linkcode missingMedia}).
 */
export function toImagesResponse(
  responses: GenerateContentResponse[],
  format: ImageResponseFormat,
  created: number,
): ImagesResponse {
  let mimeType = "image/png";
  const data = responses.map((response): Image => {
    const part = imagePart(response);
    if (!part) throw missingMedia(response, "an image", "prompt", "no_image");
    const { data, mimeType: type } = part.inlineData!;
    mimeType = type;
    return format === "url" ? { url: `data:${type};base64,${data}` } : { b64_json: data };
  });
  const answer: ImagesResponse = { created, data, usage: toImagesUsage(responses) };
  const outputFormat = OUTPUT_FORMATS[mimeType.split(";")[0].trim().toLowerCase()];
  if (outputFormat) answer.output_format = outputFormat;
  return answer;
}

const EVENT_SIZES: readonly string[] = ["1024x1024", "1024x1536", "1536x1024"];
const EVENT_QUALITIES: readonly string[] = ["low", "medium", "high"];

/**
 * A streamed answer (`stream: true`): one `image_generation.completed` (or `image_edit.completed`)
 * event per answer, with its picture and its usage. The event's `size` and `quality` are the ones
 * asked for when OpenAI's events can name them, else `auto`; the `background` is opaque.
 */
export function toImageEvents(
  responses: GenerateContentResponse[],
  type: ImageCompletedEvent["type"],
  plan: Pick<ImagePlan, "size" | "quality">,
  created: number,
): string {
  const { data } = toImagesResponse(responses, "b64_json", created);
  return responses.map((response, index) => {
    const mimeType = imagePart(response)!.inlineData!.mimeType;
    const event: ImageCompletedEvent = {
      type,
      b64_json: data[index].b64_json!,
      created_at: created,
      size:
        (EVENT_SIZES.includes(plan.size ?? "") ? plan.size : "auto") as ImageCompletedEvent["size"],
      quality: (EVENT_QUALITIES.includes(plan.quality ?? "")
        ? plan.quality
        : "auto") as ImageCompletedEvent["quality"],
      background: "opaque",
      output_format: OUTPUT_FORMATS[mimeType.split(";")[0].trim().toLowerCase()] ?? "png",
      usage: toImagesUsage([response]),
    };
    return sseEvent(event, type);
  }).join("");
}
