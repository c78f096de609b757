/**
 * `POST /images/generations` (JSON) and `POST /images/edits` (multipart): `n` Gemini calls, a few
 * at a time, each painting one image.
 * @module
 */

import type { Part } from "../../gemini/types.ts";
import type { GeminiClient } from "../../gemini/client.ts";
import { invalidValue, missing } from "../../http/fields.ts";
import { mapBounded } from "../../core/map_bounded.ts";
import { MediaBudget } from "../../core/media_budget.ts";
import { substitutionHeaders } from "../../core/model_name.ts";
import { uploadedBlob, type UploadKinds } from "../../core/upload.ts";
import { readFormData, readJsonObject } from "../../http/body.ts";
import { formFields } from "../../http/form.ts";
import type { Context } from "../../http/route.ts";
import type { Config } from "../../config.ts";
import { type ImagePlan, toImagePlan } from "./request.ts";
import { toImagesResponse } from "./response.ts";

/** Most Gemini calls one request has in flight at once. */
const MAX_CONCURRENT_CALLS = 4;

/** Most pictures one edit may start from (Gemini 3 image models take up to 14). */
export const MAX_EDIT_IMAGES = 14;

/** The pictures Gemini's image models take. */
export const IMAGE_KINDS: UploadKinds = {
  noun: "an image",
  mimeTypes: ["image/png", "image/jpeg", "image/webp", "image/heic", "image/heif"],
  names: "PNG, JPEG, WEBP, HEIC or HEIF",
};

const options = (config: Config) => ({
  defaultModel: config.defaultImageModel,
  modelAliases: config.modelAliases,
  safetyThreshold: config.safetyThreshold,
});

/** Paints the plan's `n` images, failing the request (and aborting the rest) on any failure. */
async function paint(plan: ImagePlan, gemini: GeminiClient): Promise<Response> {
  const failure = new AbortController();
  const calls = gemini.withSignal(failure.signal);
  const responses = await mapBounded(
    Array.from({ length: plan.n }),
    MAX_CONCURRENT_CALLS,
    () => calls.generateContent(plan.model, plan.request),
  ).catch((error) => {
    failure.abort();
    throw error;
  });
  return Response.json(
    toImagesResponse(responses, plan.responseFormat, Math.floor(Date.now() / 1000)),
    { headers: substitutionHeaders(plan) },
  );
}

/** Answers `POST /images/generations`. */
export async function handleImageGenerations(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const body = await readJsonObject(request, config.maxBodyBytes);
  return await paint(toImagePlan(body, options(config)), gemini);
}

/**
 * Answers `POST /images/edits`: the form's `image` (or `image[]`) pictures, then its prompt. A
 * `mask` is refused: Gemini edits from the prompt alone.
 */
export async function handleImageEdits(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const { values, files } = formFields(await readFormData(request, config.maxBodyBytes));
  if (files.mask || values.mask !== undefined) {
    throw invalidValue(
      "mask",
      "Gemini does not take masks: it edits from the prompt alone; describe the area to " +
        "change in the prompt and leave the mask out.",
    );
  }
  const uploads = files.image ?? [];
  if (uploads.length === 0) throw missing("image");
  if (uploads.length > MAX_EDIT_IMAGES) {
    throw invalidValue("image", `at most ${MAX_EDIT_IMAGES} images are supported per edit.`);
  }
  const plan = toImagePlan(values, options(config));
  const budget = new MediaBudget(config);
  const images: Part[] = [];
  for (const { file, param } of uploads) {
    images.push({ inlineData: await uploadedBlob(file, param, IMAGE_KINDS, budget) });
  }
  const [turn] = plan.request.contents;
  turn.parts = [...images, ...turn.parts ?? []];
  return await paint(plan, gemini);
}
