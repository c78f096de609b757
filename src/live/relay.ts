/**
 * The frame relay between a Live client and Gemini: frames pass through untouched (text as text,
 * binary as binary), in order, and a close on either side closes the other.
 * @module
 */

import { closeForClient, closeForUpstream, type CloseFrame } from "./close_codes.ts";
import type { Frame } from "./setup_model.ts";

/** Bounds on one relayed session. */
export interface RelayLimits {
  /**
   * Bytes that may wait for one side, queued before Gemini accepts the connection or in a
   * socket's send buffer, before the session is closed.
   */
  maxBufferedBytes: number;
  /** How long Gemini may take to accept the connection, in milliseconds. */
  connectTimeoutMs: number;
}

/**
 * Relays frames between `client` (the gateway's server-side socket) and `upstream` (its socket
 * to Gemini, still connecting). Frames the client sends meanwhile are queued and sent in order
 * once `upstream` opens. `secret` is blanked out of every reason the client is sent. The
 * client's first frame goes upstream as `first` makes it (by default unchanged).
 */
export function relayLive(
  client: WebSocket,
  upstream: WebSocket,
  limits: RelayLimits,
  secret: string,
  first: (frame: Frame) => Frame = (frame) => frame,
): void {
  client.binaryType = "arraybuffer";
  upstream.binaryType = "arraybuffer";
  const pending: Frame[] = [];
  let pendingBytes = 0;
  let opened = false;
  let finished = false;
  let connectError = "";

  const closeClient = ({ code, reason }: CloseFrame) => {
    if (client.readyState === WebSocket.OPEN) client.close(code, reason);
    else if (client.readyState === WebSocket.CONNECTING) {
      client.addEventListener("open", () => client.close(code, reason), { once: true });
    }
  };
  const closeUpstream = ({ code, reason }: CloseFrame) => {
    if (upstream.readyState === WebSocket.OPEN) upstream.close(code, reason);
    else if (upstream.readyState === WebSocket.CONNECTING) upstream.close();
  };
  const end = (toClient: CloseFrame, toUpstream: CloseFrame) => {
    finished = true;
    clearTimeout(timer);
    closeUpstream(toUpstream);
    closeClient(toClient);
  };
  const overflow = (slow: string) =>
    end(
      {
        code: 1008,
        reason: `${slow} is not reading fast enough: over ${limits.maxBufferedBytes} bytes wait.`,
      },
      { code: 1000, reason: `${slow} is not reading fast enough.` },
    );
  const forward = (target: WebSocket, data: Frame) => {
    target.send(data);
    if (target.bufferedAmount > limits.maxBufferedBytes) {
      overflow(target === client ? "The client" : "Gemini's Live API");
    }
  };

  const timer = setTimeout(() => {
    const seconds = limits.connectTimeoutMs / 1000;
    end(
      {
        code: 1011,
        reason: `Gemini's Live API did not accept the connection within ${seconds} s.`,
      },
      { code: 1000, reason: "" },
    );
  }, limits.connectTimeoutMs);

  let received = 0;
  client.onmessage = ({ data: frame }: MessageEvent<Frame>) => {
    if (finished) return;
    const data = received++ === 0 ? first(frame) : frame;
    if (upstream.readyState === WebSocket.OPEN) return forward(upstream, data);
    if (upstream.readyState !== WebSocket.CONNECTING) return;
    pending.push(data);
    pendingBytes += typeof data === "string" ? data.length : data.byteLength;
    if (pendingBytes > limits.maxBufferedBytes) {
      end({
        code: 1008,
        reason:
          `Over ${limits.maxBufferedBytes} bytes were sent before Gemini's Live API answered.`,
      }, { code: 1000, reason: "" });
    }
  };
  client.onclose = ({ code, reason }) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    closeUpstream(closeForUpstream(code, reason));
  };

  upstream.onopen = () => {
    opened = true;
    clearTimeout(timer);
    if (finished) return upstream.close();
    for (const data of pending.splice(0)) {
      forward(upstream, data);
      if (finished) return;
    }
  };
  upstream.onmessage = ({ data }: MessageEvent<Frame>) => {
    if (!finished) forward(client, data);
  };
  upstream.onerror = (event) => {
    if (!opened && event instanceof ErrorEvent) connectError = event.message;
  };
  upstream.onclose = ({ code, reason }) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    const redacted = secret ? reason.replaceAll(secret, "***") : reason;
    closeClient(opened ? closeForClient(code, redacted) : connectFailure(connectError));
  };
}

function connectFailure(message: string): CloseFrame {
  const status = message.match(/status code:? (\d{3})/i)?.[1];
  return {
    code: 1011,
    reason: status
      ? `Gemini's Live API refused the connection with HTTP ${status}.`
      : "Gemini's Live API is unreachable: the connection failed.",
  };
}
