/**
 * `POST /images/generations` (JSON) and `POST /images/edits` (multipart or JSON): `n` Gemini
 * calls, a few at a time, each painting one image.
 * @module
 */

import type { Part } from "../../gemini/types.ts";
import type { GeminiClient } from "../../gemini/client.ts";
import { invalidValue } from "../../http/fields.ts";
import { mapBounded } from "../../core/map_bounded.ts";
import { MediaBudget } from "../../core/media_budget.ts";
import { substitutionHeaders } from "../../core/model_name.ts";
import { createFileFetcher } from "../../core/remote_file.ts";
import { RemoteFiles } from "../../core/remote_files.ts";
import { readFormData, readJsonObject } from "../../http/body.ts";
import { formFields } from "../../http/form.ts";
import type { Context } from "../../http/route.ts";
import type { Config } from "../../config.ts";
import { type ImagePlan, toImagePlan } from "./request.ts";
import { toImageEvents, toImagesResponse } from "./response.ts";
import { SSE_CONTENT_TYPE } from "../../http/sse.ts";
import type { ImageCompletedEvent } from "../types.ts";
import { checkImageParts, referencedImages, uploadedImages } from "./edit_images.ts";

/** Most Gemini calls one request has in flight at once. */
const MAX_CONCURRENT_CALLS = 4;

const options = (config: Config) => ({
  defaultModel: config.defaultImageModel,
  modelAliases: config.modelAliases,
  safetyThreshold: config.safetyThreshold,
});

/**
 * Paints the plan's `n` images, failing the request (and aborting the rest) on any failure; a
 * streamed request is answered with the images' `event` events once all are painted.
 */
async function paint(
  plan: ImagePlan,
  gemini: GeminiClient,
  event: ImageCompletedEvent["type"],
): Promise<Response> {
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
  const created = Math.floor(Date.now() / 1000);
  const headers = substitutionHeaders(plan);
  if (plan.stream) {
    return new Response(toImageEvents(responses, event, plan, created), {
      headers: { "content-type": SSE_CONTENT_TYPE, ...headers },
    });
  }
  return Response.json(toImagesResponse(responses, plan.responseFormat, created), { headers });
}

/** Answers `POST /images/generations`. */
export async function handleImageGenerations(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const body = await readJsonObject(request, config.maxBodyBytes);
  return await paint(toImagePlan(body, options(config)), gemini, "image_generation.completed");
}

/** The 400 of an edit that sends a mask. */
function maskRefused() {
  return invalidValue(
    "mask",
    "Gemini does not take masks: it edits from the prompt alone; describe the area to " +
      "change in the prompt and leave the mask out.",
  );
}

/**
 * Answers `POST /images/edits`: the pictures (a form's `image` or `image[]` files, or a JSON
 * body's `images` references), then the prompt. A `mask` is refused: Gemini edits from the prompt
 * alone.
 */
export async function handleImageEdits(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  let plan: ImagePlan;
  let images: Part[];
  if (/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    const body = await readJsonObject(request, config.maxBodyBytes);
    if (body.mask !== undefined && body.mask !== null) throw maskRefused();
    const files = new RemoteFiles(new MediaBudget(config));
    images = referencedImages(body.images, files);
    plan = toImagePlan(body, options(config));
    await files.fetchAll(createFileFetcher(config));
    checkImageParts(images);
  } else {
    const { values, files } = formFields(await readFormData(request, config.maxBodyBytes));
    if (files.mask || values.mask !== undefined) throw maskRefused();
    plan = toImagePlan(values, options(config));
    images = await uploadedImages(files.image ?? [], new MediaBudget(config));
  }
  const [turn] = plan.request.contents;
  turn.parts = [...images, ...turn.parts ?? []];
  return await paint(plan, gemini, "image_edit.completed");
}
