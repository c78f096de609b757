/**
 * `GET /models` and `GET /models/{id}`.
 * @module
 */

import type { Context } from "../../http/route.ts";
import {
  FOREIGN_CHAT_MODELS,
  modelId,
  resolveModel,
  substitutionHeaders,
} from "../../core/model_name.ts";
import { toModelList, toOpenAIModel } from "./models.ts";

/**
 * Lists every model over all of Gemini's pages; with `HIDE_RETIRED_MODELS`, without those that
 * another model answers for.
 */
export async function listModels(
  _request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const aliases = config.modelAliases;
  const models = (await gemini.listModels()).filter((model) => {
    if (!config.hideRetiredModels) return true;
    const id = modelId(model.name);
    return aliases.resolve(id) === id;
  });
  return Response.json(toModelList(models));
}

/**
 * Retrieves the model that answers for `id` (as chat completions resolve it); an unknown one is
 * a 404.
 */
export async function getModel(
  _request: Request,
  { config, gemini, params }: Context,
): Promise<Response> {
  const resolved = resolveModel(
    params.id,
    config.defaultModel,
    FOREIGN_CHAT_MODELS,
    config.modelAliases,
  );
  return Response.json(toOpenAIModel(await gemini.getModel(resolved.model)), {
    headers: substitutionHeaders(resolved),
  });
}
