/**
 * `GET /api/tags`, `POST /api/show`, `GET /api/ps` and `POST /api/pull`: Gemini's models as an
 * Ollama server's.
 * @module
 */

import { FOREIGN_CHAT_MODELS, modelId, substitutionHeaders } from "../core/model_name.ts";
import type { Model } from "../gemini/types.ts";
import { readJsonObject } from "../http/body.ts";
import { missing, optional, readBoolean } from "../http/fields.ts";
import type { Context } from "../http/route.ts";
import { asModelNotFound } from "./errors.ts";
import { type OllamaModel, resolveOllamaModel } from "./model_name.ts";
import { isListed, toListModel, toProcessModel, toShowResponse } from "./models.ts";
import { NDJSON_CONTENT_TYPE, ndjsonLine } from "./stream.ts";
import type { ListResponse, ProcessResponse, ProgressResponse } from "./types.ts";

/** Answers `GET /api/tags`: every model that generates content or embeds text. */
export async function listTags(_request: Request, context: Context): Promise<Response> {
  const models = await listedModels(context);
  const answer: ListResponse = { models: await Promise.all(models.map(toListModel)) };
  return Response.json(answer);
}

/** Answers `GET /api/ps`: the same models, all of them always loaded. */
export async function listRunning(_request: Request, context: Context): Promise<Response> {
  const models = await listedModels(context);
  const answer: ProcessResponse = { models: await Promise.all(models.map(toProcessModel)) };
  return Response.json(answer);
}

/** Answers `POST /api/show` (`model`, or the older `name`) for the model that answers it. */
export async function showModel(request: Request, context: Context): Promise<Response> {
  const { model, found } = await namedModel(request, context);
  return Response.json(toShowResponse(found), { headers: substitutionHeaders(model) });
}

/**
 * Answers `POST /api/pull`: a model Gemini has is there already, so the pull succeeds at once,
 * as a short NDJSON status stream (one `{"status":"success"}` with `stream: false`); any other
 * is Ollama's 404.
 */
export async function pullModel(request: Request, context: Context): Promise<Response> {
  const { model, found, body } = await namedModel(request, context);
  const headers = substitutionHeaders(model);
  const success: ProgressResponse = { status: "success" };
  if (optional(body.stream, "stream", readBoolean) === false) {
    return Response.json(success, { headers });
  }
  const statuses: ProgressResponse[] = [
    { status: "pulling manifest" },
    { status: `pulling ${modelId(found.name)}: served by Gemini, nothing to download` },
    { status: "verifying sha256 digest" },
    { status: "writing manifest" },
    success,
  ];
  return new Response(statuses.map(ndjsonLine).join(""), {
    headers: { "content-type": NDJSON_CONTENT_TYPE, ...headers },
  });
}

/** Gemini's models, without those an alias answers for when `HIDE_RETIRED_MODELS` is set. */
async function listedModels({ config, gemini }: Context): Promise<Model[]> {
  const aliases = config.modelAliases;
  return (await gemini.listModels()).filter((model) =>
    isListed(model) &&
    (!config.hideRetiredModels || aliases.resolve(modelId(model.name)) === modelId(model.name))
  );
}

/** The model a body names in `model` (or `name`), as Gemini describes it. */
async function namedModel(
  request: Request,
  { config, gemini }: Context,
): Promise<{ model: OllamaModel; found: Model; body: Record<string, unknown> }> {
  const body = await readJsonObject(request, config.maxBodyBytes);
  const value = body.model ?? body.name;
  if (value === undefined || value === null || value === "") throw missing("model");
  const model = resolveOllamaModel(
    value,
    config.defaultModel,
    FOREIGN_CHAT_MODELS,
    config.modelAliases,
  );
  try {
    return { model, found: await gemini.getModel(model.model), body };
  } catch (error) {
    throw asModelNotFound(error, model.name);
  }
}
