/**
 * Responses API `instructions` and `input` → Gemini `contents` and `systemInstruction`.
 *
 * - `instructions`, and `system` and `developer` messages wherever they are, become the system
 *   instruction, in order; `user` messages are user turns, `assistant` messages model turns.
 * - Message parts: `input_text`, `output_text`, `refusal` → text; `input_image` (URL, data URI
 *   or Files API `file_id`) and `input_file` (`file_data`, `file_url`, `file_id`) → media.
 * - `function_call` / `custom_tool_call` → `functionCall` parts of a model turn, with the
 *   thought signature carried in the `call_id` or in the `reasoning` item before them;
 *   `function_call_output` / `custom_tool_call_output` → `functionResponse` parts.
 * - `compaction` items are replaced by the summary they seal; a `compaction_trigger` item asks
 *   for a summary of the conversation instead of an answer.
 * - Items of any other type (`item_reference`, hosted tool calls…) are skipped.
 * @module
 */

import { type Conversation, toConversation, type Turn } from "../../core/conversation.ts";
import { excerpt } from "../../core/excerpt.ts";
import { toFunctionArgs } from "../../core/function_arguments.ts";
import { toFunctionResponse } from "../../core/function_response.ts";
import { base64Part, fileIdPart, urlPart } from "../../core/media_part.ts";
import type { RemoteFiles } from "../../core/remote_files.ts";
import { decodeToolCallId } from "../../core/tool_call_id.ts";
import type { Part } from "../../gemini/types.ts";
import {
  childParam,
  invalidValue,
  isRecord,
  optional,
  readArray,
  readRecord,
  readString,
  wrongType,
} from "../../http/fields.ts";
import { unseal } from "./sealed.ts";
import { geminiName } from "./tools.ts";

/** The conversation in Gemini's shape, and whether the client asked for a compaction. */
export interface ResponseInput extends Conversation {
  /** The input held a `compaction_trigger` item: summarize instead of answering. */
  compaction: boolean;
}

/**
 * Converts `instructions` and the `input` items for `model`, after the `history` items of the
 * conversation `previous_response_id` continues; remote files go to `files`.
 */
export function toResponseInput(
  instructions: unknown,
  input: unknown,
  model: string,
  files: RemoteFiles,
  history: unknown[] = [],
): ResponseInput {
  const system: Part[] = [];
  const instructionText = optional(instructions, "instructions", readString);
  if (instructionText) system.push({ text: instructionText });
  const reader = new InputReader(system, files);
  history.forEach((item) => reader.read(item, "previous_response_id"));
  if (typeof input === "string") reader.turns.push({ role: "user", parts: [{ text: input }] });
  else if (input !== undefined || history.length === 0) {
    readArray(input, "input").forEach((item, index) =>
      reader.read(item, childParam("input", index))
    );
  }
  return { ...toConversation(reader.turns, system, model, "input"), compaction: reader.compaction };
}

/** Reads input items in order, building the turns. */
class InputReader {
  readonly turns: Turn[] = [];
  compaction = false;
  /** Calls by `call_id`: the Gemini function name their output answers. */
  readonly #calls = new Map<string, string>();
  /** A signature from a `reasoning` item, for the next model part without one. */
  #signature: string | undefined;

  constructor(readonly system: Part[], readonly files: RemoteFiles) {}

  read(value: unknown, param: string): void {
    const item = readRecord(value, param);
    const field = (key: string) => childParam(param, key);
    const type = optional(item.type, field("type"), readString) ??
      (item.role !== undefined ? "message" : undefined);
    switch (type) {
      case "message":
        return this.#message(item, param);
      case "function_call": {
        const callId = readString(item.call_id, field("call_id"));
        const name = geminiName(
          readString(item.name, field("name")),
          optional(item.namespace, field("namespace"), readString),
        );
        const args = toFunctionArgs(item.arguments, field("arguments"));
        return this.#call(callId, { functionCall: { name, args } });
      }
      case "custom_tool_call": {
        const callId = readString(item.call_id, field("call_id"));
        const name = geminiName(
          readString(item.name, field("name")),
          optional(item.namespace, field("namespace"), readString),
        );
        const input = optional(item.input, field("input"), readString) ?? "";
        return this.#call(callId, { functionCall: { name, args: { input } } });
      }
      case "function_call_output":
      case "custom_tool_call_output":
        return this.#output(item, param);
      case "reasoning": {
        this.#signature = unseal(item.encrypted_content).signature ?? this.#signature;
        return;
      }
      case "compaction":
      case "compaction_summary": {
        const summary = unseal(item.encrypted_content).summary;
        if (summary) {
          this.#push("user", [{ text: `Summary of the conversation so far:\n\n${summary}` }]);
        }
        return;
      }
      case "compaction_trigger":
        this.compaction = true;
        return;
      default:
        // item_reference, hosted tool calls and anything newer: nothing Gemini can be sent.
        return;
    }
  }

  #message(item: Record<string, unknown>, param: string): void {
    const role = readString(item.role, childParam(param, "role"));
    const contentParam = childParam(param, "content");
    switch (role) {
      case "system":
      case "developer": {
        const text = this.#parts(item.content, contentParam).map((part) => {
          if (part.text === undefined) {
            throw invalidValue(contentParam, `${role} messages may hold only text.`);
          }
          return part.text;
        }).join("\n");
        if (text) this.system.push({ text });
        return;
      }
      case "user":
        return this.#push("user", this.#parts(item.content, contentParam));
      case "assistant":
        return this.#push("model", this.#signed(this.#parts(item.content, contentParam)));
      default:
        throw invalidValue(
          childParam(param, "role"),
          `unknown role '${excerpt(role)}'; expected user, assistant, system or developer.`,
        );
    }
  }

  #call(callId: string, part: Part & { functionCall: { name: string } }): void {
    this.#calls.set(callId, part.functionCall.name);
    const signature = decodeToolCallId(callId);
    this.#push(
      "model",
      this.#signed([signature ? { ...part, thoughtSignature: signature } : part]),
    );
  }

  #output(item: Record<string, unknown>, param: string): void {
    const callId = readString(item.call_id, childParam(param, "call_id"));
    const name = this.#calls.get(callId);
    if (!name) {
      throw invalidValue(
        childParam(param, "call_id"),
        `no earlier function_call item has the call_id '${excerpt(callId)}'.`,
      );
    }
    const outputParam = childParam(param, "output");
    const output = item.output ?? "";
    const parts = typeof output === "string"
      ? [{ text: output }]
      : this.#parts(output, outputParam);
    const text = parts.flatMap((part) => part.text === undefined ? [] : [part.text]).join("\n");
    const media = parts.filter((part) => part.text === undefined);
    this.#push("user", [
      { functionResponse: { name, response: toFunctionResponse(text) } },
      ...media,
    ]);
  }

  /** `parts` with the pending reasoning signature on the first part, if it has none. */
  #signed(parts: Part[]): Part[] {
    const signature = this.#signature;
    if (!signature || parts.length === 0) return parts;
    this.#signature = undefined;
    if (parts[0].thoughtSignature) return parts;
    return [{ ...parts[0], thoughtSignature: signature }, ...parts.slice(1)];
  }

  #push(role: Turn["role"], parts: Part[]): void {
    if (role === "user") this.#signature = undefined;
    this.turns.push({ role, parts });
  }

  #parts(content: unknown, param: string): Part[] {
    if (typeof content === "string") return content ? [{ text: content }] : [];
    if (!Array.isArray(content)) {
      throw wrongType(param, "one of a string or array of objects", content);
    }
    return content.flatMap((value, index) => this.#part(value, childParam(param, index)));
  }

  #part(value: unknown, param: string): Part[] {
    const part = readRecord(value, param);
    const field = (key: string) => childParam(param, key);
    const type = readString(part.type, field("type"));
    switch (type) {
      case "input_text":
      case "output_text":
      case "text": {
        const text = readString(part.text, field("text"));
        return text ? [{ text }] : [];
      }
      case "refusal": {
        const text = readString(part.refusal, field("refusal"));
        return text ? [{ text }] : [];
      }
      case "input_image": {
        const fileId = optional(part.file_id, field("file_id"), readString);
        if (fileId) return [fileIdPart(fileId, field("file_id"), this.files)];
        const url = isRecord(part.image_url)
          ? readString(part.image_url.url, childParam(field("image_url"), "url"))
          : readString(part.image_url, field("image_url"));
        return [urlPart(url, field("image_url"), this.files)];
      }
      case "input_file": {
        const filename = optional(part.filename, field("filename"), readString);
        const data = optional(part.file_data, field("file_data"), readString);
        if (data !== undefined) {
          return [base64Part(data, undefined, field("file_data"), this.files, filename)];
        }
        const url = optional(part.file_url, field("file_url"), readString);
        if (url !== undefined) return [urlPart(url, field("file_url"), this.files)];
        return [
          fileIdPart(
            readString(part.file_id, field("file_id")),
            field("file_id"),
            this.files,
            filename,
          ),
        ];
      }
      default:
        throw invalidValue(
          field("type"),
          `unknown content type '${
            excerpt(type)
          }'; expected input_text, output_text, refusal, input_image or input_file.`,
        );
    }
  }
}
