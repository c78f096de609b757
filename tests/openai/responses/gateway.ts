/**
 * The gateway for Responses API tests: stored responses in an in-memory Deno KV, closed with
 * the gateway.
 * @module
 */

import { type Gateway, startGateway } from "../../helpers/harness.ts";
import { assertSchema } from "../../helpers/openapi.ts";
import { closeResponseStore } from "../../../src/openai/responses/store.ts";

/** Starts the gateway and the fake Gemini, with `env` as extra settings. */
export async function startResponsesGateway(env: Record<string, string> = {}): Promise<Gateway> {
  const gateway = await startGateway({ RESPONSES_KV_PATH: ":memory:", ...env });
  const dispose = gateway[Symbol.asyncDispose].bind(gateway);
  gateway[Symbol.asyncDispose] = async () => {
    await closeResponseStore(gateway.config);
    await dispose();
  };
  return gateway;
}

/** A server-sent event as written: its `event:` name and its JSON data. */
export interface SseEvent {
  event?: string;
  data: Record<string, unknown>;
}

/** Parses an event stream's text into its events (keep-alive comments dropped). */
export function parseEvents(text: string): SseEvent[] {
  return text.split("\n\n").filter((block) => block.trim() && !block.startsWith(":")).map(
    (block) => {
      const lines = block.split("\n");
      const event = lines.find((line) => line.startsWith("event: "))?.slice(7);
      const data = lines.find((line) => line.startsWith("data: "))!.slice(6);
      return { event, data: JSON.parse(data) };
    },
  );
}

/**
 * Checks a stream's events against the OpenAI schema: each named by its type, numbered in order
 * from 0, ended by exactly one terminal event.
 */
export function assertStream(events: SseEvent[]): void {
  events.forEach(({ event, data }, index) => {
    assertSchema("ResponseStreamEvent", data);
    if (event !== data.type) throw new Error(`event ${index}: named ${event}, type ${data.type}`);
    if (data.sequence_number !== index) {
      throw new Error(`event ${index}: sequence_number ${data.sequence_number}`);
    }
  });
  const terminal = ["response.completed", "response.incomplete", "response.failed"];
  const ends = events.filter(({ data }) => terminal.includes(data.type as string));
  if (ends.length !== 1 || events.at(-1) !== ends[0]) {
    throw new Error(`the stream does not end with one terminal event`);
  }
}

/**
 * A `fetch` for the real clients that checks, beside them, every answer of the Responses API
 * against OpenAI's specification: response objects, stream events (named, numbered, one terminal
 * event), item lists and errors. `checked()` waits for the checks and throws the first failure.
 */
export function validatingFetch(): { fetch: typeof fetch; checked(): Promise<void> } {
  const checks: Promise<void>[] = [];
  const failures: unknown[] = [];
  const check = async (response: globalThis.Response): Promise<void> => {
    const type = response.headers.get("content-type") ?? "";
    if (type.startsWith("text/event-stream")) {
      return assertStream(parseEvents(await response.text()));
    }
    if (!type.startsWith("application/json")) return;
    const body = await response.json();
    if (!response.ok) return assertSchema("ErrorResponse", body);
    if (body.object === "response" && !body.deleted) assertSchema("Response", body);
    else if (body.object === "list") assertSchema("ResponseItemList", body);
  };
  return {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(input instanceof Request ? input.url : input);
      if (url.pathname.includes("/responses")) {
        checks.push(check(response.clone()).catch((error) => void failures.push(error)));
      }
      return response;
    },
    async checked() {
      await Promise.all(checks);
      if (failures.length > 0) throw failures[0];
    },
  };
}
