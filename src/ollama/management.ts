/**
 * The routes that manage a local model store (`/api/push`, `/api/create`, `/api/copy`,
 * `/api/delete`, `/api/blobs/…`): the gateway stores nothing, so each answers with a 400 that
 * says why, in Ollama's shape.
 * @module
 */

import { invalidRequest } from "../core/errors.ts";
import type { Handler } from "../http/route.ts";

/** A handler refusing a management request with `message`. */
function refuse(message: string): Handler {
  return () => {
    throw invalidRequest(message);
  };
}

const ALIASES = "to give a model another name, set MODEL_ALIASES on the gateway (docs/models.md)";

/** `POST /api/push`. */
export const push = refuse(
  "This gateway serves Google's Gemini models and has no registry to push to.",
);

/** `POST /api/create` and `/api/blobs/…`. */
export const create = refuse(
  `Models cannot be created here: the gateway serves Gemini's models as they are; ${ALIASES}.`,
);

/** `POST /api/copy`. */
export const copy = refuse(
  `Models cannot be copied here: the gateway stores no models; ${ALIASES}.`,
);

/** `DELETE /api/delete`. */
export const remove = refuse(
  "Gemini models cannot be deleted through this gateway: it stores no models.",
);
