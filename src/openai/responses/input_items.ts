/**
 * A request's `input` as the items `GET /responses/{id}/input_items` lists: each with an `id`
 * (the client's, or a fresh one), messages with their content as a list of parts.
 * @module
 */

import { isRecord } from "../../http/fields.ts";
import { newId } from "./output.ts";

const PREFIXES: Record<string, string> = {
  message: "msg",
  function_call: "fc",
  function_call_output: "fco",
  custom_tool_call: "ctc",
  custom_tool_call_output: "ctco",
  reasoning: "rs",
  compaction: "cmp",
};

/** The items of an already validated `input` (a string, or a list of items). */
export function toInputItems(input: unknown): Record<string, unknown>[] {
  if (typeof input === "string") {
    return [message({ role: "user", content: input })];
  }
  if (!Array.isArray(input)) return [];
  return input.filter(isRecord).map((item) => {
    const type = typeof item.type === "string" ? item.type : "message";
    if (type === "message") return message(item);
    const withId = {
      ...item,
      id: typeof item.id === "string" ? item.id : newId(PREFIXES[type] ?? "item"),
    };
    return type.endsWith("_output") || type === "function_call"
      ? { status: "completed", ...withId }
      : withId;
  });
}

function message(item: Record<string, unknown>): Record<string, unknown> {
  const role = item.role;
  const content = typeof item.content === "string"
    ? [{ type: role === "assistant" ? "output_text" : "input_text", text: item.content }]
    : item.content;
  return {
    type: "message",
    id: typeof item.id === "string" ? item.id : newId("msg"),
    role,
    content,
    status: "completed",
  };
}
