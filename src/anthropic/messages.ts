/**
 * Anthropic `system` and `messages` → the turns and system parts of a Gemini conversation.
 *
 * | Anthropic | Gemini |
 * |---|---|
 * | `system` (a string or text blocks), `role: "system"` messages anywhere | `systemInstruction` parts, in order |
 * | `user` / `assistant` messages | `user` / `model` turns |
 * | `text` | `text` (empty text dropped) |
 * | `image` with a `base64`, `url` or Files API `file` source | `inlineData` or `fileData` |
 * | `document`: PDF `base64` or `url`, `text`, `content` blocks (text and images), Files API `file` | `inlineData` / `fileData`, or `text` (and the images) |
 * | `tool_use` | `functionCall`, with the thought signature its id carries |
 * | `tool_result` (string or blocks, `is_error`) | `functionResponse` (`{error: …}` on error); images and documents in it follow as parts of the same turn |
 * | `thinking` with a `signature` | the signature, on the part that follows it in the turn (an empty text part when none does) |
 * | `thinking` text, `redacted_thinking` | dropped: Gemini needs only the signatures back |
 *
 * `cache_control` and `citations` are accepted and ignored. Remote media are recorded in
 * `files`, to be fetched once the whole request is read.
 * @module
 */

import type { Turn } from "../core/conversation.ts";
import { excerpt } from "../core/excerpt.ts";
import { toFunctionArgs } from "../core/function_arguments.ts";
import { toFunctionResponse } from "../core/function_response.ts";
import { base64Part, fileIdPart, urlPart } from "../core/media_part.ts";
import type { RemoteFiles } from "../core/remote_files.ts";
import { decodeToolCallId } from "../core/tool_call_id.ts";
import type { Part } from "../gemini/types.ts";
import {
  childParam,
  invalidValue,
  optional,
  readArray,
  readBoolean,
  readRecord,
  readString,
  wrongType,
} from "../http/fields.ts";

/** The conversation as read: turns and system parts, ready for `toConversation`. */
export interface MessageTurns {
  turns: Turn[];
  system: Part[];
}

/** The tool calls of the conversation so far, by id: their names and order. */
type Calls = Map<string, { name: string; order: number }>;

const ROLES = ["user", "assistant", "system"];

/** Reads `system` and `messages` of a request body; remote media are recorded in `files`. */
export function toMessageTurns(
  systemValue: unknown,
  messagesValue: unknown,
  files: RemoteFiles,
): MessageTurns {
  const system = optional(systemValue, "system", toSystemParts) ?? [];
  const messages = readArray(messagesValue, "messages");
  if (messages.length === 0) throw invalidValue("messages", "expected at least one message.");
  const turns: Turn[] = [];
  const calls: Calls = new Map();
  messages.forEach((item, index) => {
    const param = childParam("messages", index);
    const message = readRecord(item, param);
    const role = readString(message.role, childParam(param, "role"));
    const contentParam = childParam(param, "content");
    switch (role) {
      case "system":
        system.push(...toSystemParts(message.content, contentParam));
        break;
      case "user":
        turns.push({ role: "user", parts: userParts(message.content, contentParam, calls, files) });
        break;
      case "assistant":
        turns.push({ role: "model", parts: modelParts(message.content, contentParam, calls) });
        break;
      default:
        throw invalidValue(
          childParam(param, "role"),
          `unknown role '${excerpt(role)}'; expected one of ${ROLES.join(", ")}.`,
        );
    }
  });
  return { turns, system };
}

/** A system prompt (a string or text blocks) as text parts. */
function toSystemParts(value: unknown, param: string): Part[] {
  return textsOf(value, param).map((text) => ({ text }));
}

/** The non-empty texts of a string or an array of text blocks. */
function textsOf(value: unknown, param: string): string[] {
  if (typeof value === "string") return value ? [value] : [];
  return readArray(value, param).flatMap((item, index) => {
    const blockParam = childParam(param, index);
    const block = readRecord(item, blockParam);
    const type = readString(block.type, childParam(blockParam, "type"));
    if (type !== "text") {
      throw invalidValue(
        childParam(blockParam, "type"),
        `only text blocks are allowed here, got '${excerpt(type)}'.`,
      );
    }
    const text = readString(block.text, childParam(blockParam, "text"));
    return text ? [text] : [];
  });
}

/** A message's content as blocks: a string is one text block. */
function blocksOf(
  value: unknown,
  param: string,
): { block: Record<string, unknown>; param: string }[] {
  if (typeof value === "string") {
    return value ? [{ block: { type: "text", text: value }, param }] : [];
  }
  if (!Array.isArray(value)) throw wrongType(param, "one of a string or an array of blocks", value);
  return value.map((item, index) => {
    const blockParam = childParam(param, index);
    return { block: readRecord(item, blockParam), param: blockParam };
  });
}

function typeOf(block: Record<string, unknown>, param: string): string {
  return readString(block.type, childParam(param, "type"));
}

function unknownType(type: string, param: string, expected: string) {
  return invalidValue(
    childParam(param, "type"),
    `unknown content block type '${excerpt(type)}'; expected ${expected}.`,
  );
}

/** A user message's parts: tool results first (in the order of their calls), then the rest. */
function userParts(value: unknown, param: string, calls: Calls, files: RemoteFiles): Part[] {
  const responses: { order: number; part: Part }[] = [];
  const parts: Part[] = [];
  for (const { block, param: blockParam } of blocksOf(value, param)) {
    const type = typeOf(block, blockParam);
    if (type === "tool_result") {
      const result = toolResult(block, blockParam, calls, files);
      responses.push(result.response);
      parts.push(...result.media);
    } else if (type === "thinking" || type === "redacted_thinking" || type === "tool_use") {
      throw invalidValue(
        childParam(blockParam, "type"),
        `'${type}' blocks belong in assistant messages.`,
      );
    } else {
      parts.push(...mediaOrText(block, type, blockParam, files, USER_TYPES));
    }
  }
  responses.sort((a, b) => a.order - b.order);
  return [...responses.map(({ part }) => part), ...parts];
}

const USER_TYPES = "text, image, document or tool_result";

/** A text, image or document block; any other type is a 400 listing `expected`. */
function mediaOrText(
  block: Record<string, unknown>,
  type: string,
  param: string,
  files: RemoteFiles,
  expected: string,
): Part[] {
  switch (type) {
    case "text": {
      const text = readString(block.text, childParam(param, "text"));
      return text ? [{ text }] : [];
    }
    case "image":
      return [imagePart(block.source, childParam(param, "source"), files)];
    case "document":
      return documentParts(block, param, files);
    default:
      throw unknownType(type, param, expected);
  }
}

function imagePart(value: unknown, param: string, files: RemoteFiles): Part {
  const source = readRecord(value, param);
  const type = readString(source.type, childParam(param, "type"));
  switch (type) {
    case "base64":
      return base64Part(
        readString(source.data, childParam(param, "data")),
        optional(source.media_type, childParam(param, "media_type"), readString),
        childParam(param, "data"),
        files,
      );
    case "url":
      return urlPart(
        readString(source.url, childParam(param, "url")),
        childParam(param, "url"),
        files,
      );
    case "file":
      return fileIdPart(
        readString(source.file_id, childParam(param, "file_id")),
        childParam(param, "file_id"),
        files,
      );
    default:
      throw invalidValue(
        childParam(param, "type"),
        `unknown source type '${excerpt(type)}'; expected base64, url or file.`,
      );
  }
}

function documentParts(block: Record<string, unknown>, param: string, files: RemoteFiles): Part[] {
  const sourceParam = childParam(param, "source");
  const source = readRecord(block.source, sourceParam);
  const field = (key: string) => childParam(sourceParam, key);
  const type = readString(source.type, field("type"));
  const title = optional(block.title, childParam(param, "title"), readString);
  switch (type) {
    case "base64":
      return [
        base64Part(
          readString(source.data, field("data")),
          optional(source.media_type, field("media_type"), readString) ?? "application/pdf",
          field("data"),
          files,
          title,
        ),
      ];
    case "text": {
      const text = readString(source.data, field("data"));
      return text ? [{ text: title ? `${title}\n\n${text}` : text }] : [];
    }
    case "content": {
      // Its text blocks joined by line breaks, its images kept in place.
      const parts: Part[] = [];
      for (
        const { block: inner, param: innerParam } of blocksOf(source.content, field("content"))
      ) {
        const type = typeOf(inner, innerParam);
        if (type !== "text" && type !== "image") {
          throw unknownType(
            type,
            innerParam,
            "text or image",
          );
        }
        for (const part of mediaOrText(inner, type, innerParam, files, "text or image")) {
          const last = parts.at(-1);
          if (part.text !== undefined && last?.text !== undefined) last.text += `\n${part.text}`;
          else parts.push(part);
        }
      }
      return parts;
    }
    case "url":
      return [urlPart(readString(source.url, field("url")), field("url"), files)];
    case "file":
      return [fileIdPart(readString(source.file_id, field("file_id")), field("file_id"), files)];
    default:
      throw invalidValue(
        field("type"),
        `unknown source type '${excerpt(type)}'; expected base64, text, content, url or file.`,
      );
  }
}

/** A `tool_result` → its `functionResponse`, and the media its content held. */
function toolResult(
  block: Record<string, unknown>,
  param: string,
  calls: Calls,
  files: RemoteFiles,
): { response: { order: number; part: Part }; media: Part[] } {
  const idParam = childParam(param, "tool_use_id");
  const id = readString(block.tool_use_id, idParam);
  const call = calls.get(id);
  if (!call) {
    throw invalidValue(
      idParam,
      `no earlier assistant message has a tool_use block with id '${excerpt(id)}'.`,
    );
  }
  const isError = optional(block.is_error, childParam(param, "is_error"), readBoolean) ?? false;
  const texts: string[] = [];
  const media: Part[] = [];
  for (
    const { block: inner, param: innerParam } of blocksOf(
      block.content ?? "",
      childParam(param, "content"),
    )
  ) {
    const type = typeOf(inner, innerParam);
    if (type === "text") texts.push(readString(inner.text, childParam(innerParam, "text")));
    else if (type === "image" || type === "document") {
      media.push(...mediaOrText(inner, type, innerParam, files, "text, image or document"));
    } else {
      // Blocks Gemini has no counterpart for (e.g. `tool_reference`, `search_result`) are
      // passed as their JSON, so the model still sees what the tool returned.
      texts.push(JSON.stringify(inner));
    }
  }
  const text = texts.join("\n");
  const response = isError ? { error: text } : toFunctionResponse(text);
  return {
    response: { order: call.order, part: { functionResponse: { name: call.name, response } } },
    media,
  };
}

/** An assistant message's parts; its `tool_use` blocks are recorded in `calls`. */
function modelParts(value: unknown, param: string, calls: Calls): Part[] {
  const parts: Part[] = [];
  let signature: string | undefined;
  const push = (part: Part) => {
    if (signature && !part.thoughtSignature) part.thoughtSignature = signature;
    signature = undefined;
    parts.push(part);
  };
  for (const { block, param: blockParam } of blocksOf(value, param)) {
    const type = typeOf(block, blockParam);
    const field = (key: string) => childParam(blockParam, key);
    switch (type) {
      case "text": {
        const text = readString(block.text, field("text"));
        if (text || signature) push({ text });
        break;
      }
      case "thinking": {
        const given = optional(block.signature, field("signature"), readString);
        if (given) {
          if (signature) push({ text: "" });
          signature = given;
        }
        break;
      }
      case "redacted_thinking":
        break;
      case "tool_use": {
        const id = readString(block.id, field("id"));
        const name = readString(block.name, field("name"));
        const args = toFunctionArgs(block.input ?? {}, field("input"));
        calls.set(id, { name, order: calls.size });
        const carried = decodeToolCallId(id);
        push(
          carried
            ? { functionCall: { name, args }, thoughtSignature: carried }
            : { functionCall: { name, args } },
        );
        break;
      }
      default:
        throw unknownType(type, blockParam, "text, thinking, redacted_thinking or tool_use");
    }
  }
  if (signature) push({ text: "" });
  return parts;
}
