/**
 * The fake Gemini's Live API: `BidiGenerateContent` over WebSocket, as the real service speaks
 * it. Server messages are binary frames of pretty-printed JSON; errors are close frames
 * (1007 bad key or argument, 1008 missing key or unknown model, 1011 internal).
 *
 * Every text turn is answered "Hello from the fake Gemini." in two frames, then
 * `generationComplete`, then `turnComplete` with `usageMetadata`. A turn naming a function
 * declared in `setup` gets a `toolCall` instead, and the `toolResponse` a turn quoting it. A
 * turn saying `close 1011` makes the server fail with 1011.
 * @module
 */

import { modelId } from "../core/model_name.ts";
import { type CloseFrame, truncateReason } from "../live/close_codes.ts";
import type { Content, FunctionResponse, Tool } from "../gemini/types.ts";
import { checkKey, requestKey } from "./auth.ts";
import { servingModel, supportsMethod } from "./models.ts";
import { errorBody, invalidKeyError, missingKeyError, prettyJson } from "./wire.ts";

const PATH =
  /^\/ws\/google\.ai\.generativelanguage\.(v1|v1alpha|v1beta)\.GenerativeService\.BidiGenerateContent(Constrained)?$/;

const REPLY = "Hello from the fake Gemini.";
const INVALID_ARGUMENT = "Request contains an invalid argument.";

/** What the server does after a client message: frames to send, then maybe a close. */
interface Reply {
  messages: Record<string, unknown>[];
  close?: CloseFrame;
}

/** Answers a Live API request: 404 off the Live paths, else a WebSocket session. */
export function serveLive(request: Request): Response {
  const match = new URL(request.url).pathname.replace(/\/{2,}/g, "/").match(PATH);
  if (!match) return googleError(404, "Method not found.");
  if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
    return googleError(400, INVALID_ARGUMENT);
  }
  const session = new LiveSession(match[1], requestKey(request));
  const { socket, response } = Deno.upgradeWebSocket(request);
  socket.onmessage = ({ data }) => {
    if (socket.readyState !== WebSocket.OPEN) return;
    const reply = session.receive(typeof data === "string" ? data : new TextDecoder().decode(data));
    for (const message of reply.messages) {
      socket.send(new TextEncoder().encode(prettyJson(message)));
    }
    if (reply.close) socket.close(reply.close.code, truncateReason(reply.close.reason));
  };
  return response;
}

/** One session's conversation state, answering client messages by the rules above. */
class LiveSession {
  /** The tools `setup` declared; unset until the session is set up. */
  #tools?: Tool[];
  #userText = "";
  #contextChars = 0;
  #toolCallPending = false;

  constructor(readonly version: string, readonly key: string | null) {}

  /** The reply to one client message (its JSON text); a malformed one ends the session. */
  receive(text: string): Reply {
    try {
      return this.#dispatch(JSON.parse(text));
    } catch {
      return fail(1007, INVALID_ARGUMENT);
    }
  }

  #dispatch(message: Record<string, unknown>): Reply {
    const kinds = message && typeof message === "object" ? Object.keys(message) : [];
    if (kinds.length !== 1) return fail(1007, INVALID_ARGUMENT);
    const kind = kinds[0].replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
    const body = (message[kinds[0]] ?? {}) as Record<string, unknown>;
    if (!this.#tools) return kind === "setup" ? this.#start(body) : fail(1007, INVALID_ARGUMENT);
    switch (kind) {
      case "clientContent":
        return this.#clientContent(body);
      case "realtimeInput": {
        const input = field(body, "text");
        return typeof input === "string" ? this.#turn(input) : { messages: [] };
      }
      case "toolResponse":
        return this.#toolResponse(body);
      default:
        return fail(1007, INVALID_ARGUMENT);
    }
  }

  #start(setup: Record<string, unknown>): Reply {
    const verdict = checkKey(this.key);
    if (verdict === "missing") return fail(1008, missingKeyError().error.message);
    if (verdict === "invalid") return fail(1007, invalidKeyError().error.message);
    const model = field(setup, "model");
    if (typeof model !== "string" || !model) return fail(1007, INVALID_ARGUMENT);
    const id = modelId(model);
    const known = servingModel(id);
    if (!known || !supportsMethod(known, "bidiGenerateContent")) {
      return fail(
        1008,
        `models/${id} is not found for API version ${this.version}, or is not supported for ` +
          "bidiGenerateContent.",
      );
    }
    const tools = field(setup, "tools") ?? [];
    if (!Array.isArray(tools)) return fail(1007, INVALID_ARGUMENT);
    this.#tools = tools;
    return { messages: [{ setupComplete: {} }] };
  }

  #clientContent(body: Record<string, unknown>): Reply {
    const turns = (field(body, "turns") ?? []) as Content[];
    for (const turn of Array.isArray(turns) ? turns : [turns]) {
      for (const part of turn.parts ?? []) {
        if (typeof part.text === "string") this.#userText += part.text;
      }
    }
    if (field(body, "turnComplete") !== true) return { messages: [] };
    const text = this.#userText;
    this.#userText = "";
    return this.#turn(text);
  }

  #turn(text: string): Reply {
    if (text.includes("close 1011")) return fail(1011, "Internal error occurred.");
    this.#contextChars += text.length;
    const declared = (this.#tools ?? []).flatMap((tool) =>
      (field(tool, "functionDeclarations") ?? []) as { name?: string }[]
    );
    const called = declared.find(({ name }) =>
      name && text.toLowerCase().includes(name.toLowerCase())
    );
    if (!called?.name) return this.#answer(REPLY);
    this.#toolCallPending = true;
    const id = `function-call-${crypto.getRandomValues(new BigUint64Array(1))[0]}`;
    return { messages: [{ toolCall: { functionCalls: [{ name: called.name, args: {}, id }] } }] };
  }

  #toolResponse(body: Record<string, unknown>): Reply {
    if (!this.#toolCallPending) return { messages: [] };
    this.#toolCallPending = false;
    const responses = (field(body, "functionResponses") ?? []) as FunctionResponse[];
    const said = (Array.isArray(responses) ? responses : [responses])
      .map((response) => JSON.stringify(response.response ?? {})).join(", ");
    this.#contextChars += said.length;
    return this.#answer(`The tool said: ${said}`);
  }

  #answer(reply: string): Reply {
    const prompt = tokens(this.#contextChars);
    const response = tokens(reply.length);
    this.#contextChars += reply.length;
    const middle = reply.indexOf(" ", reply.length / 2);
    const pieces = middle > 0 ? [reply.slice(0, middle), reply.slice(middle)] : [reply];
    return {
      messages: [
        ...pieces.map((text) => ({ serverContent: { modelTurn: { parts: [{ text }] } } })),
        { serverContent: { generationComplete: true } },
        {
          serverContent: { turnComplete: true },
          usageMetadata: {
            promptTokenCount: prompt,
            responseTokenCount: response,
            totalTokenCount: prompt + response,
            promptTokensDetails: [{ modality: "TEXT", tokenCount: prompt }],
            responseTokensDetails: [{ modality: "TEXT", tokenCount: response }],
          },
        },
      ],
    };
  }
}

function fail(code: number, reason: string): Reply {
  return { messages: [], close: { code, reason } };
}

/** A field by its camelCase name, or its snake_case spelling (both are accepted on the wire). */
function field(object: object, name: string): unknown {
  const record = object as Record<string, unknown>;
  return record[name] ?? record[name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)];
}

function tokens(chars: number): number {
  return Math.max(1, Math.ceil(chars / 4));
}

function googleError(code: number, message: string): Response {
  return new Response(prettyJson(errorBody(code, message)), {
    status: code,
    headers: { "content-type": "application/json; charset=UTF-8" },
  });
}
