/**
 * The turns a dialect has read → Gemini's `contents` and `systemInstruction`.
 *
 * Every dialect reads its own message format into turns (role `user` or `model`) and system
 * parts; what Gemini then needs is the same for all: empty turns dropped, consecutive turns of
 * one role merged, Gemini 3's thought-signature rule kept, and the system text placed where the
 * model reads it.
 * @module
 */

import type { Content, Part } from "../gemini/types.ts";
import { invalidValue } from "../http/fields.ts";
import { modelFamily, supportsSystemInstruction } from "./model_family.ts";
import { SKIP_THOUGHT_SIGNATURE } from "./tool_call_id.ts";

/** A turn being built: always with its role and parts. */
export type Turn = Required<Content>;

/** A conversation in Gemini's shape. */
export interface Conversation {
  contents: Content[];
  systemInstruction?: Content;
}

/**
 * Builds the conversation for `model` (without `models/`) from `turns` and the `system` parts.
 *
 * - Consecutive turns of one role are merged; turns without parts are dropped.
 * - For the `level` family (Gemini 3 and newer), the first function call of a model turn
 *   without a thought signature gets {@linkcode SKIP_THOUGHT_SIGNATURE}.
 * - `system` becomes `systemInstruction`; for models without one (Gemma) its text opens the
 *   first user turn; a conversation of system text only is sent as one user turn.
 * - Nothing left at all is a 400 at `param`.
 */
export function toConversation(
  turns: Turn[],
  system: Part[],
  model: string,
  param: string,
): Conversation {
  const contents = merge(turns);
  if (modelFamily(model) === "level") contents.forEach(skipMissingSignature);
  if (contents.length === 0) {
    if (system.length > 0) return { contents: [{ role: "user", parts: system }] };
    throw invalidValue(param, "no message has any content.");
  }
  if (system.length === 0) return { contents };
  if (supportsSystemInstruction(model)) return { contents, systemInstruction: { parts: system } };
  return { contents: foldSystem(contents, system) };
}

/** Turns with parts, consecutive turns of one role merged. */
function merge(turns: Turn[]): Turn[] {
  const merged: Turn[] = [];
  for (const turn of turns) {
    if (turn.parts.length === 0) continue;
    const last = merged.at(-1);
    if (last && last.role === turn.role) last.parts.push(...turn.parts);
    else merged.push(turn);
  }
  return merged;
}

/**
 * `contents` with the system text at the start of the first user turn (a new first turn when
 * there is none), for models without `systemInstruction`.
 */
function foldSystem(contents: Turn[], system: Part[]): Turn[] {
  const text = { text: `${system.map((part) => part.text).join("\n\n")}\n\n` };
  const index = contents.findIndex((turn) => turn.role === "user");
  if (index < 0) return [{ role: "user", parts: [text] }, ...contents];
  return contents.map((turn, at) =>
    at === index ? { role: "user", parts: [text, ...turn.parts] } : turn
  );
}

/** Gives the first function call of a model turn the skip placeholder if it has no signature. */
function skipMissingSignature(turn: Turn): void {
  if (turn.role !== "model") return;
  const index = turn.parts.findIndex((part) => part.functionCall);
  if (index < 0 || turn.parts[index].thoughtSignature) return;
  turn.parts[index] = { ...turn.parts[index], thoughtSignature: SKIP_THOUGHT_SIGNATURE };
}
