/**
 * The one change the Live pass-through makes: a `setup` message naming a model Google has shut
 * down (or one `MODEL_ALIASES` maps) is sent upstream naming the model that answers for it.
 * Every other frame, and every setup that needs no change, passes byte for byte.
 * @module
 */

import type { ModelAliases } from "../core/model_name.ts";

/** A WebSocket frame as the relay sees it. */
export type Frame = string | ArrayBuffer;

/**
 * `frame` (the client's first, which the Live API requires to be `setup`) with its
 * `setup.model` resolved through `aliases`; `frame` itself when it is not a setup message or its
 * model needs no change.
 */
export function resolveSetupModel(frame: Frame, aliases: ModelAliases): Frame {
  const text = typeof frame === "string" ? frame : new TextDecoder().decode(frame);
  let message: { setup?: { model?: unknown } };
  try {
    message = JSON.parse(text);
  } catch {
    return frame;
  }
  const model = message?.setup?.model;
  if (typeof model !== "string") return frame;
  const id = model.replace(/^models\//, "");
  const resolved = aliases.resolve(id);
  if (resolved === id) return frame;
  aliases.announce(id, resolved);
  message.setup!.model = `models/${resolved}`;
  const rewritten = JSON.stringify(message);
  return typeof frame === "string"
    ? rewritten
    : new TextEncoder().encode(rewritten).buffer as ArrayBuffer;
}
