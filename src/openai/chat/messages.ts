/**
 * OpenAI `messages` → Gemini `contents` and `systemInstruction`.
 *
 * - `system` and `developer` messages, wherever they are, become the parts of
 *   `systemInstruction`, in order. A conversation of system messages only is sent as one `user`
 *   turn instead (Gemini rejects empty `contents`); for Gemma, which has no `systemInstruction`,
 *   their text opens the first user turn.
 * - `user` → role `user`; `assistant` → role `model`; consecutive turns of one role are merged.
 * - Assistant `tool_calls` (and legacy `function_call`) → `functionCall` parts with the thought
 *   signature from `extra_content.google.thought_signature` or the tool call id; for the `level`
 *   family (Gemini 3 and newer), the first call of a turn without one gets
 *   {@linkcode SKIP_THOUGHT_SIGNATURE}.
 * - `tool` (and legacy `function`) messages → `functionResponse` parts of a `user` turn; the
 *   answers to one set of parallel calls are sent in the order of the calls. Ids are not sent.
 * @module
 */

import { excerpt } from "../../core/excerpt.ts";
import type { Content, FunctionCall, Part } from "../../gemini/types.ts";
import { decodeToolCallId, SKIP_THOUGHT_SIGNATURE } from "../../core/tool_call_id.ts";
import { modelFamily, supportsSystemInstruction } from "../../core/model_family.ts";
import { toParts, toText } from "./content_parts.ts";
import type { RemoteFiles } from "../../core/remote_files.ts";
import { MAX_DEPTH, tooDeepAt } from "../../core/depth.ts";
import {
  childParam,
  invalidValue,
  isRecord,
  missing,
  optional,
  readArray,
  readRecord,
  readString,
} from "../../http/fields.ts";

/** The conversation in Gemini's shape. */
export interface ChatContents {
  contents: Content[];
  systemInstruction?: Content;
}

/** A turn being built: always with its role and parts. */
type Turn = Required<Content>;

const ROLES = ["system", "developer", "user", "assistant", "tool", "function"];

/**
 * Converts `messages` for `model` (without `models/`); remote files are recorded in `files`.
 */
export function toContents(messages: unknown, model: string, files: RemoteFiles): ChatContents {
  const list = readArray(messages, "messages");
  if (list.length === 0) throw invalidValue("messages", "expected at least one message.");
  const system: Part[] = [];
  const turns: Turn[] = [];
  const calls = new Map<string, { name: string; order: number }>();
  let responses: { order: number; part: Part }[] = [];
  const flushResponses = () => {
    if (responses.length === 0) return;
    responses.sort((a, b) => a.order - b.order);
    turns.push({ role: "user", parts: responses.map(({ part }) => part) });
    responses = [];
  };

  list.forEach((item, index) => {
    const param = childParam("messages", index);
    const message = readRecord(item, param);
    const field = (key: string) => childParam(param, key);
    const role = readString(message.role, field("role"));
    if (role !== "tool" && role !== "function") flushResponses();
    switch (role) {
      case "system":
      case "developer": {
        const text = toText(message.content, field("content"));
        if (text) system.push({ text });
        break;
      }
      case "user":
        if (message.content === undefined || message.content === null) {
          throw missing(field("content"));
        }
        turns.push({ role: "user", parts: toParts(message.content, field("content"), files) });
        break;
      case "assistant": {
        const parts = message.content === undefined || message.content === null
          ? []
          : toParts(message.content, field("content"), files);
        const toolCalls = optional(message.tool_calls, field("tool_calls"), readArray) ?? [];
        toolCalls.forEach((call, callIndex) => {
          const { id, part } = toolCallPart(call, childParam(field("tool_calls"), callIndex));
          calls.set(id, { name: part.functionCall.name, order: calls.size });
          parts.push(part);
        });
        if (message.function_call !== undefined && message.function_call !== null) {
          parts.push(functionCallPart(message.function_call, field("function_call")));
        }
        turns.push({ role: "model", parts });
        break;
      }
      case "tool": {
        const callId = readString(message.tool_call_id, field("tool_call_id"));
        const call = calls.get(callId);
        if (!call) {
          throw invalidValue(
            field("tool_call_id"),
            `no earlier assistant message has a tool call with id '${excerpt(callId)}'.`,
          );
        }
        const response = toResponse(toText(message.content, field("content")));
        responses.push({
          order: call.order,
          part: { functionResponse: { name: call.name, response } },
        });
        break;
      }
      case "function": {
        const name = readString(message.name, field("name"));
        const response = toResponse(toText(message.content, field("content")));
        responses.push({ order: Infinity, part: { functionResponse: { name, response } } });
        break;
      }
      default:
        throw invalidValue(
          field("role"),
          `unknown role '${excerpt(role)}'; expected one of ${ROLES.join(", ")}.`,
        );
    }
  });
  flushResponses();

  const contents = merge(turns);
  if (modelFamily(model) === "level") contents.forEach(skipMissingSignature);
  if (contents.length === 0) {
    if (system.length > 0) return { contents: [{ role: "user", parts: system }] };
    throw invalidValue("messages", "no message has any content.");
  }
  if (system.length === 0) return { contents };
  if (supportsSystemInstruction(model)) return { contents, systemInstruction: { parts: system } };
  return { contents: foldSystem(contents, system) };
}

function toolCallPart(
  call: unknown,
  param: string,
): { id: string; part: Part & { functionCall: FunctionCall } } {
  const record = readRecord(call, param);
  const id = readString(record.id, childParam(param, "id"));
  const type = optional(record.type, childParam(param, "type"), readString);
  if (type !== undefined && type !== "function") {
    throw invalidValue(childParam(param, "type"), `expected 'function', got '${excerpt(type)}'.`);
  }
  const part = functionCallPart(record.function, childParam(param, "function"));
  const signature = signatureOf(record.extra_content, childParam(param, "extra_content")) ??
    decodeToolCallId(id);
  return { id, part: signature ? { ...part, thoughtSignature: signature } : part };
}

function functionCallPart(value: unknown, param: string): { functionCall: FunctionCall } {
  const fn = readRecord(value, param);
  const name = readString(fn.name, childParam(param, "name"));
  const argsParam = childParam(param, "arguments");
  if (isRecord(fn.arguments)) return { functionCall: { name, args: fn.arguments } };
  const text = optional(fn.arguments, argsParam, readString) ?? "";
  let args: unknown = {};
  if (text.trim()) {
    try {
      args = JSON.parse(text) ?? {};
    } catch {
      throw invalidValue(argsParam, "the arguments are not valid JSON.");
    }
  }
  if (!isRecord(args)) throw invalidValue(argsParam, "the arguments must be a JSON object.");
  if (tooDeepAt(args)) {
    throw invalidValue(argsParam, `the arguments nest deeper than ${MAX_DEPTH} levels.`);
  }
  return { functionCall: { name, args } };
}

/** `extra_content.google.thought_signature`, if the tool call carries one. */
function signatureOf(extra: unknown, param: string): string | undefined {
  const google = optional(extra, param, readRecord)?.google;
  const googleParam = childParam(param, "google");
  const signature = optional(google, googleParam, readRecord)?.thought_signature;
  return optional(signature, childParam(googleParam, "thought_signature"), readString) || undefined;
}

/**
 * A tool result as Gemini's `response` object: a JSON object as is, other JSON wrapped, and
 * anything else, JSON with a `$ref` key anywhere (which Gemini reads as a schema reference), or
 * JSON nested deeper than {@linkcode MAX_DEPTH} levels (deeper than Gemini reads), wrapped as text.
 */
function toResponse(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { result: text };
  }
  if (tooDeepAt(value) || hasRefKey(value)) return { result: text };
  return isRecord(value) ? value : { result: value };
}

/** Whether an object inside `value` has a `$ref` key; walked without recursion. */
function hasRefKey(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isRecord(node) && Object.hasOwn(node, "$ref")) return true;
    if (Array.isArray(node) || isRecord(node)) {
      for (const child of Object.values(node)) stack.push(child);
    }
  }
  return false;
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
