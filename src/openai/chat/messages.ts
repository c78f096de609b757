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

import { type Conversation, toConversation, type Turn } from "../../core/conversation.ts";
import { excerpt } from "../../core/excerpt.ts";
import { toFunctionArgs } from "../../core/function_arguments.ts";
import { toFunctionResponse } from "../../core/function_response.ts";
import type { RemoteFiles } from "../../core/remote_files.ts";
import { decodeToolCallId } from "../../core/tool_call_id.ts";
import type { FunctionCall, Part } from "../../gemini/types.ts";
import {
  childParam,
  invalidValue,
  missing,
  optional,
  readArray,
  readRecord,
  readString,
} from "../../http/fields.ts";
import { toParts, toText } from "./content_parts.ts";

const ROLES = ["system", "developer", "user", "assistant", "tool", "function"];

/**
 * Converts `messages` for `model` (without `models/`); remote files are recorded in `files`.
 */
export function toContents(messages: unknown, model: string, files: RemoteFiles): Conversation {
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
        const response = toFunctionResponse(toText(message.content, field("content")));
        responses.push({
          order: call.order,
          part: { functionResponse: { name: call.name, response } },
        });
        break;
      }
      case "function": {
        const name = readString(message.name, field("name"));
        const response = toFunctionResponse(toText(message.content, field("content")));
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

  return toConversation(turns, system, model, "messages");
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
  return {
    functionCall: { name, args: toFunctionArgs(fn.arguments, childParam(param, "arguments")) },
  };
}

/** `extra_content.google.thought_signature`, if the tool call carries one. */
function signatureOf(extra: unknown, param: string): string | undefined {
  const google = optional(extra, param, readRecord)?.google;
  const googleParam = childParam(param, "google");
  const signature = optional(google, googleParam, readRecord)?.thought_signature;
  return optional(signature, childParam(googleParam, "thought_signature"), readString) || undefined;
}
