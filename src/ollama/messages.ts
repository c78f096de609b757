/**
 * Ollama `messages` (and `/api/generate`'s prompt) → the turns and system parts of a
 * conversation (`core/conversation.ts` builds Gemini's `contents` from them).
 *
 * - `system` messages, wherever they are, become the system parts, in order.
 * - `user` → a `user` turn: `content`, then each of `images` (base64 without a `data:` prefix,
 *   the type sniffed from the bytes; a `data:` URI is read too).
 * - `assistant` → a `model` turn: `content`, then `tool_calls` as `functionCall` parts, arguments
 *   as an object (or a JSON string), the thought signature read back from the call's `id`
 *   (`core/tool_call_id.ts`). `thinking` is not sent back: Gemini keeps none of it.
 * - `tool` → a `functionResponse` in a `user` turn. Its function is `tool_name`, else the call
 *   whose `id` is `tool_call_id`, else the next unanswered call of the last assistant message
 *   (LangChain sends neither name nor id; some clients make up their own ids).
 * @module
 */

import { excerpt } from "../core/excerpt.ts";
import type { Turn } from "../core/conversation.ts";
import { toFunctionArgs } from "../core/function_arguments.ts";
import { toFunctionResponse } from "../core/function_response.ts";
import { base64Part } from "../core/media_part.ts";
import type { RemoteFiles } from "../core/remote_files.ts";
import { decodeToolCallId } from "../core/tool_call_id.ts";
import type { Part } from "../gemini/types.ts";
import {
  childParam,
  invalidValue,
  optional,
  readArray,
  readRecord,
  readString,
} from "../http/fields.ts";

/** The conversation as read from the request, before Gemini's rules are applied. */
export interface ReadMessages {
  turns: Turn[];
  system: Part[];
}

/** A tool call of an assistant message, waiting for its result. */
interface PendingCall {
  id?: string;
  name: string;
}

const ROLES = ["system", "user", "assistant", "tool"];

/** Reads `messages`; images are counted in `files`' media budget. */
export function readMessages(messages: unknown[], files: RemoteFiles): ReadMessages {
  const system: Part[] = [];
  const turns: Turn[] = [];
  let pending: PendingCall[] = [];
  messages.forEach((item, index) => {
    const param = childParam("messages", index);
    const field = (key: string) => childParam(param, key);
    const message = readRecord(item, param);
    // Ollama reads roles in any case.
    const role = readString(message.role, field("role")).toLowerCase();
    const content = optional(message.content, field("content"), readString) ?? "";
    switch (role) {
      case "system":
        if (content) system.push({ text: content });
        break;
      case "user":
        turns.push({ role: "user", parts: userParts(content, message.images, param, files) });
        break;
      case "assistant": {
        const parts: Part[] = content ? [{ text: content }] : [];
        pending = [];
        const calls = optional(message.tool_calls, field("tool_calls"), readArray) ?? [];
        calls.forEach((call, callIndex) => {
          const { part, id } = callPart(call, childParam(field("tool_calls"), callIndex));
          pending.push({ id, name: part.functionCall!.name });
          parts.push(part);
        });
        turns.push({ role: "model", parts });
        break;
      }
      case "tool": {
        const name = answeredCall(message, param, pending);
        const part = { functionResponse: { name, response: toFunctionResponse(content) } };
        turns.push({ role: "user", parts: [part] });
        break;
      }
      default:
        throw invalidValue(
          field("role"),
          `unknown role '${excerpt(role)}'; expected one of ${ROLES.join(", ")}.`,
        );
    }
  });
  return { turns, system };
}

/** The parts of a user turn: the text, then the images. */
export function userParts(
  text: string,
  images: unknown,
  param: string,
  files: RemoteFiles,
): Part[] {
  const parts: Part[] = text ? [{ text }] : [];
  const imagesParam = childParam(param, "images");
  const list = optional(images, imagesParam, readArray) ?? [];
  list.forEach((image, index) => {
    const at = childParam(imagesParam, index);
    parts.push(base64Part(readString(image, at), undefined, at, files));
  });
  return parts;
}

function callPart(call: unknown, param: string): { part: Part; id?: string } {
  const record = readRecord(call, param);
  const fnParam = childParam(param, "function");
  const fn = readRecord(record.function, fnParam);
  const name = readString(fn.name, childParam(fnParam, "name"));
  const args = toFunctionArgs(fn.arguments, childParam(fnParam, "arguments"));
  const id = optional(record.id, childParam(param, "id"), readString);
  const signature = id ? decodeToolCallId(id) : undefined;
  const part: Part = { functionCall: { name, args } };
  if (signature) part.thoughtSignature = signature;
  return { part, id };
}

/** The function a tool message answers; the call is taken off `pending`. */
function answeredCall(
  message: Record<string, unknown>,
  param: string,
  pending: PendingCall[],
): string {
  const name = optional(message.tool_name, childParam(param, "tool_name"), readString) ||
    optional(message.name, childParam(param, "name"), readString);
  const id = optional(message.tool_call_id, childParam(param, "tool_call_id"), readString);
  let at = name
    ? pending.findIndex((call) => call.name === name)
    : id
    ? pending.findIndex((call) => call.id === id)
    : -1;
  if (at < 0 && !name && pending.length > 0) at = 0;
  const call = at >= 0 ? pending.splice(at, 1)[0] : undefined;
  if (name) return name;
  if (call) return call.name;
  throw invalidValue(
    childParam(param, "tool_name"),
    "name the function this result answers: no earlier assistant tool call is left unanswered.",
  );
}
