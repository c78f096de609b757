/**
 * `GET /api/version`.
 * @module
 */

import type { Handler } from "../http/route.ts";
import type { VersionResponse } from "./types.ts";

/**
 * The Ollama version the gateway reports: a current release, so that clients that check a
 * minimum (VS Code Copilot wants 0.6.4) accept it; Open WebUI reads it as numbers.
 */
export const OLLAMA_VERSION = "0.32.15";

/** Answers `GET /api/version`. */
export const version: Handler = () => {
  const answer: VersionResponse = { version: OLLAMA_VERSION };
  return Response.json(answer);
};
