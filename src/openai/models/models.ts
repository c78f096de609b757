/**
 * Gemini models → OpenAI model objects.
 * @module
 */

import { modelId } from "../../core/model_name.ts";
import type { Model as GeminiModel } from "../../gemini/types.ts";
import type { ListModelsResponse, Model } from "../types.ts";

/**
 * One Gemini model as an OpenAI model: the id without `models/`. Gemini publishes no creation
 * date, so `created` is 0.
 */
export function toOpenAIModel(model: GeminiModel): Model {
  return {
    id: modelId(model.name),
    object: "model",
    created: 0,
    owned_by: "google",
  };
}

/** Every Gemini model as OpenAI's model list. */
export function toModelList(models: GeminiModel[]): ListModelsResponse {
  return { object: "list", data: models.map(toOpenAIModel) };
}
