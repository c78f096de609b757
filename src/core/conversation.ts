/**
 * Turns and system text → Gemini `contents` and `systemInstruction`.
 * @module
 */

import type { Content, Part } from "../gemini/types.ts";
import { invalidValue } from "../http/fields.ts";
import { modelFamily, supportsSystemInstruction } from "./model_family.ts";
import { SKIP_THOUGHT_SIGNATURE } from "./tool_call_id.ts";

/** A turn being built: always with its role and parts. */
export type Turn = Required<Content>;

/** The conversation in Gemini's shape. */
export interface Conversation {
  contents: Content[];
  systemInstruction?: Content;
}

/**
 * Drops empty turns, merges consecutive turns of one role, signs the first call of a Gemini 3
 * model turn that has no signature with the skip placeholder, and places `system`; a 400 at
 * `param` when nothing is left.
 */
export function toConversation(
  turns: Turn[],
  system: Part[],
  model: string,
  param: string,
): Conversation {
  const contents: Turn[] = [];
  for (const turn of turns) {
    if (turn.parts.length === 0) continue;
    const last = contents.at(-1);
    if (last && last.role === turn.role) last.parts.push(...turn.parts);
    else contents.push({ role: turn.role, parts: [...turn.parts] });
  }
  if (modelFamily(model) === "level") contents.forEach(skipMissingSignature);
  if (contents.length === 0) {
    if (system.length > 0) return { contents: [{ role: "user", parts: system }] };
    throw invalidValue(param, "no message has any content.");
  }
  if (system.length === 0) return { contents };
  if (supportsSystemInstruction(model)) return { contents, systemInstruction: { parts: system } };
  const text = { text: `${system.map((part) => part.text).join("\n\n")}\n\n` };
  const index = contents.findIndex((turn) => turn.role === "user");
  if (index < 0) return { contents: [{ role: "user", parts: [text] }, ...contents] };
  return {
    contents: contents.map((turn, at) =>
      at === index ? { role: "user", parts: [text, ...turn.parts] } : turn
    ),
  };
}

function skipMissingSignature(turn: Turn): void {
  if (turn.role !== "model") return;
  const index = turn.parts.findIndex((part) => part.functionCall);
  if (index < 0 || turn.parts[index].thoughtSignature) return;
  turn.parts[index] = { ...turn.parts[index], thoughtSignature: SKIP_THOUGHT_SIGNATURE };
}
