/**
 * The body of `POST /images/generations` (JSON) or `POST /images/edits` (the form's text fields)
 * → the Gemini `GenerateContentRequest` that paints one image; `n` images are `n` such calls, as
 * Gemini's image models paint one image per call. The mapping is described in `docs/media.md`.
 * @module
 */

import type { GenerateContentRequest } from "../../gemini/types.ts";
import { excerpt } from "../../core/excerpt.ts";
import { type ModelAliases, type ResolvedModel, resolveModel } from "../../core/model_name.ts";
import { toSafetySettings } from "../../core/safety.ts";
import { invalidValue, optional, readString } from "../../http/fields.ts";
import { readFormBoolean, readFormInteger } from "../../http/form.ts";
import { toImageConfig } from "./size.ts";

/** OpenAI's image model names (and its other models), answered by the default image model. */
export const OPENAI_IMAGE_MODELS = /^(dall-e|gpt-image|chatgpt-image|gpt-|o[134](-|$))/;

/** OpenAI's `n` limit. */
export const MAX_IMAGES = 10;

/** How the images are written in the answer. */
export type ImageResponseFormat = "b64_json" | "url";

/** What the translation needs from the gateway's configuration. */
export interface ImageRequestOptions {
  defaultModel: string;
  modelAliases: ModelAliases;
  safetyThreshold: string;
}

/** An image request, ready for Gemini: `model` is the model that answers it. */
export interface ImagePlan extends ResolvedModel {
  /** Images to paint: one call each. */
  n: number;
  responseFormat: ImageResponseFormat;
  /** Whether the images are sent as events (`stream: true`). */
  stream: boolean;
  /** The `size` and `quality` asked for, as given. */
  size?: string;
  quality?: string;
  request: GenerateContentRequest;
}

function oneOf(value: unknown, param: string, allowed: string[]): string | undefined {
  const text = optional(value, param, readString);
  if (text !== undefined && !allowed.includes(text)) {
    throw invalidValue(
      param,
      `'${excerpt(text)}' is not supported; expected ${allowed.join(" or ")}.`,
    );
  }
  return text;
}

/**
 * Translates an image request's fields (an edit's pictures go before the prompt, in the same user
 * turn). `dall-e-…` requests default to `url` answers (a `data:`
 * URL, as the gateway stores nothing), others to `b64_json`. Gemini's image models paint PNG,
 * opaque: other `output_format`s and a transparent `background` are refused. `stream` is taken
 * (each image is one event, as Gemini paints no partial images; `partial_images` is checked and
 * otherwise ignored).
 */
export function toImagePlan(
  fields: Record<string, unknown>,
  options: ImageRequestOptions,
): ImagePlan {
  const resolved = resolveModel(
    fields.model,
    options.defaultModel,
    OPENAI_IMAGE_MODELS,
    options.modelAliases,
  );
  const prompt = readString(fields.prompt, "prompt");
  if (!prompt.trim()) throw invalidValue("prompt", "expected a non-empty prompt.");
  const n = optional(
    fields.n,
    "n",
    (value, param) => readFormInteger(value, param, { min: 1, max: MAX_IMAGES }),
  ) ?? 1;
  const requested = typeof fields.model === "string" ? fields.model : "";
  const responseFormat = (oneOf(fields.response_format, "response_format", ["b64_json", "url"]) ??
    (requested.startsWith("dall-e") ? "url" : "b64_json")) as ImageResponseFormat;
  oneOf(fields.output_format, "output_format", ["png"]);
  oneOf(fields.background, "background", ["auto", "opaque"]);
  const stream = optional(fields.stream, "stream", readFormBoolean) ?? false;
  optional(
    fields.partial_images,
    "partial_images",
    (value, param) => readFormInteger(value, param, { min: 0, max: 3 }),
  );
  const size = optional(fields.size, "size", readString);
  const quality = optional(fields.quality, "quality", readString);
  const imageConfig = toImageConfig(size, quality);
  const request: GenerateContentRequest = {
    contents: [{ role: "user", parts: [{ text: prompt }] }],
    generationConfig: { responseModalities: ["TEXT", "IMAGE"] },
    safetySettings: toSafetySettings(options.safetyThreshold, undefined),
  };
  if (Object.keys(imageConfig).length > 0) request.generationConfig!.imageConfig = imageConfig;
  return { ...resolved, n, responseFormat, stream, size, quality, request };
}
