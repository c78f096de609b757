/**
 * `GET /models` and `GET /models/{id}`.
 * @module
 */

import type { Context } from "../../http/route.ts";
import { toModelList, toOpenAIModel } from "./models.ts";

/** Lists every model over all of Gemini's pages. */
export async function listModels(_request: Request, { gemini }: Context): Promise<Response> {
  return Response.json(toModelList(await gemini.listModels()));
}

/** Retrieves one model; an unknown one is a 404. */
export async function getModel(_request: Request, { gemini, params }: Context): Promise<Response> {
  return Response.json(toOpenAIModel(await gemini.getModel(params.id)));
}
