/**
 * The fake Gemini's Live API: `BidiGenerateContent` over WebSocket, as the real service speaks
 * it. Server messages are binary frames of pretty-printed JSON; errors are close frames
 * (1007 bad key or argument, 1008 missing key or unknown model, 1011 internal).
 *
 * Every text turn is answered "Hello from the fake Gemini." in two frames, then
 * `generationComplete`, then `turnComplete` with `usageMetadata`. A turn naming a function
 * declared in `setup` gets a `toolCall` instead, and the `toolResponse` a turn quoting it. A
 * turn saying `close 1011` makes the server fail with 1011.
 *
 * Audio (`realtimeInput.audio`, or the older `mediaChunks`) stands for speech: each second of it
 * (16 kHz 16-bit PCM), or what came before `audioStreamEnd`, is a turn answered with half a second
 * of a 24 kHz tone in two `inlineData` frames, with the transcriptions `setup` asked for (the
 * input's says how much audio arrived).
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
/** Bytes of one second of 16 kHz 16-bit mono PCM: the audio that makes a voice turn. */
const SPEECH_TURN_BYTES = 32_000;
const OUTPUT_RATE = 24_000;
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
  /** What `setup` asked of audio: transcriptions of the input and of the answer. */
  #transcribe = { input: false, output: false };
  #audioBytes = 0;

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
        return typeof input === "string" ? this.#turn(input) : this.#audio(body);
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
    this.#transcribe = {
      input: field(setup, "inputAudioTranscription") !== undefined,
      output: field(setup, "outputAudioTranscription") !== undefined,
    };
    return { messages: [{ setupComplete: {} }] };
  }

  /** Counts realtime audio; a second of it (or the end of the stream) is a spoken turn. */
  #audio(body: Record<string, unknown>): Reply {
    const chunks = [field(body, "audio"), ...((field(body, "mediaChunks") ?? []) as unknown[])];
    for (const chunk of chunks) {
      const blob = (chunk ?? {}) as { mimeType?: string; data?: string };
      if (String(blob.mimeType).startsWith("audio/") && typeof blob.data === "string") {
        this.#audioBytes += Math.floor(blob.data.replace(/=+$/, "").length * 3 / 4);
      }
    }
    const ended = field(body, "audioStreamEnd") === true && this.#audioBytes > 0;
    if (this.#audioBytes < SPEECH_TURN_BYTES && !ended) return { messages: [] };
    const seconds = this.#audioBytes / SPEECH_TURN_BYTES;
    this.#audioBytes = 0;
    return this.#spoken(`(${seconds.toFixed(1)} s of audio)`);
  }

  /** The answer to a spoken turn: audio, with the transcriptions asked for. */
  #spoken(heard: string): Reply {
    const audio = (part: number) => ({
      inlineData: { mimeType: `audio/pcm;rate=${OUTPUT_RATE}`, data: tone(0.25, part) },
    });
    const prompt = tokens(heard.length);
    const response = tokens(REPLY.length);
    return {
      messages: [
        ...(this.#transcribe.input
          ? [{ serverContent: { inputTranscription: { text: heard } } }]
          : []),
        { serverContent: { modelTurn: { parts: [audio(0)] } } },
        { serverContent: { modelTurn: { parts: [audio(1)] } } },
        ...(this.#transcribe.output
          ? [{ serverContent: { outputTranscription: { text: REPLY } } }]
          : []),
        ...turnEnd("AUDIO", prompt, response),
      ],
    };
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
        ...turnEnd("TEXT", prompt, response),
      ],
    };
  }
}

/** The messages that end a turn of `modality`: generation complete, then turn complete with usage. */
function turnEnd(
  modality: "AUDIO" | "TEXT",
  prompt: number,
  response: number,
): Record<string, unknown>[] {
  return [
    { serverContent: { generationComplete: true } },
    {
      serverContent: { turnComplete: true },
      usageMetadata: {
        promptTokenCount: prompt,
        responseTokenCount: response,
        totalTokenCount: prompt + response,
        promptTokensDetails: [{ modality, tokenCount: prompt }],
        responseTokensDetails: [{ modality, tokenCount: response }],
      },
    },
  ];
}

function fail(code: number, reason: string): Reply {
  return { messages: [], close: { code, reason } };
}

/** A field by its camelCase name, or its snake_case spelling (both are accepted on the wire). */
function field(object: object, name: string): unknown {
  const record = object as Record<string, unknown>;
  return record[name] ?? record[name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)];
}

/** `seconds` of a quiet 440 Hz tone as base64 16-bit PCM at 24 kHz; `part` continues its phase. */
function tone(seconds: number, part: number): string {
  const length = Math.round(seconds * OUTPUT_RATE);
  const samples = new Int16Array(length);
  for (let index = 0; index < length; index++) {
    const time = (part * length + index) / OUTPUT_RATE;
    samples[index] = Math.round(Math.sin(2 * Math.PI * 440 * time) * 3000);
  }
  return new Uint8Array(samples.buffer).toBase64();
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
