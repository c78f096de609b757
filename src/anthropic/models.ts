/**
 * Gemini's models in Anthropic's model-list shape (`GET /v1/models` of a client that sends
 * `anthropic-version`, such as Claude Code with gateway model discovery on).
 * @module
 */

import { modelId } from "../core/model_name.ts";
import { invalidValue, readInteger } from "../http/fields.ts";
import type { Model as GeminiModel } from "../gemini/types.ts";
import type { ModelInfo, ModelList } from "./types.ts";

/** Gemini publishes no creation dates; every model shows this one. */
const CREATED_AT = "1970-01-01T00:00:00Z";

/** The most models one page may ask for, and how many it gets when it does not say. */
const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 20;

/** A Gemini model as Anthropic describes one. */
export function toModelInfo(model: GeminiModel): ModelInfo {
  const id = modelId(model.name);
  const info: ModelInfo = {
    type: "model",
    id,
    display_name: model.displayName ?? id,
    created_at: CREATED_AT,
  };
  if (model.inputTokenLimit !== undefined) info.max_input_tokens = model.inputTokenLimit;
  if (model.outputTokenLimit !== undefined) info.max_tokens = model.outputTokenLimit;
  return info;
}

/**
 * One page of `models` as `query` asks for it: `limit` (1 to 1,000, default 20), starting after
 * `after_id` or ending before `before_id`. An unknown id is a 400.
 */
export function toModelPage(models: GeminiModel[], query: URLSearchParams): ModelList {
  const data = models.map(toModelInfo);
  const limitText = query.get("limit");
  const limit = limitText === null
    ? DEFAULT_LIMIT
    : readInteger(Number(limitText), "limit", { min: 1, max: MAX_LIMIT });
  const position = (param: "after_id" | "before_id") => {
    const id = query.get(param);
    if (id === null) return undefined;
    const index = data.findIndex((model) => model.id === id);
    if (index < 0) throw invalidValue(param, "no model has this id.");
    return index;
  };
  const after = position("after_id");
  const before = position("before_id");
  let page: ModelInfo[];
  let hasMore: boolean;
  if (before !== undefined && after === undefined) {
    page = data.slice(Math.max(0, before - limit), before);
    hasMore = before - limit > 0;
  } else {
    const start = after === undefined ? 0 : after + 1;
    const end = Math.min(start + limit, before ?? data.length);
    page = data.slice(start, end);
    hasMore = end < (before ?? data.length);
  }
  return {
    data: page,
    first_id: page[0]?.id ?? null,
    last_id: page.at(-1)?.id ?? null,
    has_more: hasMore,
  };
}
