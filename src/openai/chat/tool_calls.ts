/**
 * Gemini function calls as OpenAI tool calls.
 * @module
 */

import type { FunctionCall } from "../../gemini/types.ts";
import type { ChatCompletionMessageToolCall } from "../types.ts";
import { encodeToolCallId } from "../../core/tool_call_id.ts";

/**
 * The tool call of a `functionCall` part, with a fresh id that carries the part's thought
 * signature; the signature is also given as `extra_content.google.thought_signature`.
 */
export function toToolCall(
  functionCall: FunctionCall,
  thoughtSignature?: string,
): ChatCompletionMessageToolCall {
  const call: ChatCompletionMessageToolCall = {
    id: encodeToolCallId(thoughtSignature),
    type: "function",
    function: { name: functionCall.name, arguments: JSON.stringify(functionCall.args ?? {}) },
  };
  if (thoughtSignature) call.extra_content = { google: { thought_signature: thoughtSignature } };
  return call;
}
