/**
 * Gemini's parts as Anthropic content blocks, written as the block events of a stream; the
 * non-streaming answer folds the same events ({@linkcode foldBlocks}), so both agree.
 *
 * - Thought summaries (`thought: true`) → a `thinking` block.
 * - Answer text → a `text` block; code the model ran, its output and generated images become
 *   Markdown text.
 * - A `functionCall` → a `tool_use` block whose input is streamed as one `input_json_delta`, with
 *   an id `toolu_…` that carries the part's thought signature.
 * - A thought signature on any other part → the `signature` of a `thinking` block: the open one
 *   (a summary the signature closes), or an empty one when the signature comes first; only when
 *   the client turned thinking on (Anthropic answers others without thinking blocks, and code such
 *   as `message.content[0].text` relies on it; Gemini does not check signatures on text). The request
 *   translation hands a thinking block's signature back on the part after it. A signature that
 *   comes after answer text (Gemini 3 ends a streamed answer with a signed empty part) is left
 *   out: a block after the text would end the message with a thinking block, which clients such
 *   as Claude Code take as an empty answer, and Gemini requires signatures back on function calls
 *   only (those ride in the `tool_use` ids).
 * @module
 */

import { partMarkdown } from "../core/part_markdown.ts";
import { encodeToolCallId } from "../core/tool_call_id.ts";
import type { Part } from "../gemini/types.ts";
import type { ContentBlock, ContentBlockDelta, MessageStreamEvent } from "./types.ts";

/** The block events {@linkcode ContentBlocks} writes. */
export type BlockEvent = Extract<
  MessageStreamEvent,
  { type: "content_block_start" | "content_block_delta" | "content_block_stop" }
>;

/** What the client asked for that shapes the blocks. */
export interface BlockOptions {
  /** Keep only the first call (`disable_parallel_tool_use`). */
  singleToolUse?: boolean;
  /** The client turned thinking on: signatures on answer parts become thinking blocks. */
  thinking?: boolean;
}

/** Turns the parts of one candidate, as they arrive, into block events. */
export class ContentBlocks {
  readonly #singleToolUse: boolean;
  readonly #thinking: boolean;
  #events: BlockEvent[] = [];
  /** The block being written, if any. */
  #open?: ContentBlock["type"];
  #next = 0;
  #toolUses = 0;
  /** The answer text so far, which Markdown blocks start on a line of their own after. */
  #text = "";

  constructor({ singleToolUse = false, thinking = false }: BlockOptions = {}) {
    this.#singleToolUse = singleToolUse;
    this.#thinking = thinking;
  }

  /** Whether a `tool_use` block was written. */
  get hasToolUse(): boolean {
    return this.#toolUses > 0;
  }

  /** Whether answer text or a `tool_use` block was written (thinking aside). */
  get hasAnswer(): boolean {
    return this.#text !== "" || this.#toolUses > 0;
  }

  /** Whether any block was written. */
  get isEmpty(): boolean {
    return this.#next === 0;
  }

  /** Adds the events of `parts`. */
  add(parts: Part[] | undefined): void {
    for (const part of parts ?? []) {
      if (part.functionCall) this.#toolUse(part);
      else if (part.thought) this.#thought(part);
      else this.#answer(part);
    }
  }

  /** Adds a text block of `text` (e.g. why a prompt was blocked). */
  addText(text: string): void {
    this.#writeText(text);
  }

  /** Closes the open block. */
  close(): void {
    if (this.#open === undefined) return;
    this.#events.push({ type: "content_block_stop", index: this.#next - 1 });
    this.#open = undefined;
  }

  /** The events added since the last call. */
  take(): BlockEvent[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }

  #start(block: ContentBlock): void {
    this.close();
    this.#events.push({ type: "content_block_start", index: this.#next++, content_block: block });
    this.#open = block.type;
  }

  #delta(delta: ContentBlockDelta): void {
    this.#events.push({ type: "content_block_delta", index: this.#next - 1, delta });
  }

  #toolUse(part: Part): void {
    if (this.#singleToolUse && this.#toolUses > 0) return;
    const call = part.functionCall!;
    this.#toolUses++;
    this.#start({
      type: "tool_use",
      id: encodeToolCallId(part.thoughtSignature, "toolu_"),
      name: call.name,
      input: {},
    });
    this.#delta({ type: "input_json_delta", partial_json: JSON.stringify(call.args ?? {}) });
    this.close();
  }

  #thought(part: Part): void {
    if (this.#open !== "thinking") this.#start({ type: "thinking", thinking: "", signature: "" });
    if (part.text) this.#delta({ type: "thinking_delta", thinking: part.text });
    if (part.thoughtSignature) this.#sign(part.thoughtSignature);
  }

  #answer(part: Part): void {
    const signs = this.#thinking && (this.#open === "thinking" || this.isEmpty);
    if (part.thoughtSignature && signs) {
      if (this.#open !== "thinking") {
        this.#start({ type: "thinking", thinking: "", signature: "" });
      }
      this.#sign(part.thoughtSignature);
    }
    if (part.text) return this.#writeText(part.text);
    const markdown = part.text === undefined ? partMarkdown(part) : undefined;
    if (!markdown) return;
    const separate = this.#text !== "" && !this.#text.endsWith("\n");
    this.#writeText(separate ? `\n${markdown}` : markdown);
  }

  #sign(signature: string): void {
    this.#delta({ type: "signature_delta", signature });
    this.close();
  }

  #writeText(text: string): void {
    if (this.#open !== "text") this.#start({ type: "text", text: "" });
    this.#delta({ type: "text_delta", text });
    this.#text += text;
  }
}

/** The blocks the events describe, as a non-streaming answer holds them. */
export function foldBlocks(events: BlockEvent[]): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  for (const event of events) {
    if (event.type === "content_block_start") {
      blocks[event.index] = { ...event.content_block };
    } else if (event.type === "content_block_delta") {
      const block = blocks[event.index];
      const { delta } = event;
      if (block.type === "text" && delta.type === "text_delta") block.text += delta.text;
      else if (block.type === "thinking" && delta.type === "thinking_delta") {
        block.thinking += delta.thinking;
      } else if (block.type === "thinking" && delta.type === "signature_delta") {
        block.signature = delta.signature;
      } else if (block.type === "tool_use" && delta.type === "input_json_delta") {
        block.input = JSON.parse(delta.partial_json);
      }
    }
  }
  return blocks;
}
