/**
 * Close frames relayed between a Live client and Gemini.
 *
 * Some codes only ever describe a closure and may not be sent (1005 "no status", 1006
 * "abnormal", 1015 "TLS failure"; Deno reports a failed connection as 0), and each side's socket
 * accepts a different set: the gateway's server-side socket sends registered protocol codes, its
 * client-side socket only 1000 and 3000–4999. A code the sending socket cannot carry is replaced
 * by one it can, with a reason that says what happened.
 * @module
 */

/** A close code and reason that a socket accepts. */
export interface CloseFrame {
  code: number;
  reason: string;
}

/** The longest close reason the protocol allows, in UTF-8 bytes. */
export const MAX_REASON_BYTES = 123;

const NO_STATUS = 1005;

/** `reason` cut to {@linkcode MAX_REASON_BYTES} UTF-8 bytes without splitting a character. */
export function truncateReason(reason: string): string {
  const bytes = new TextEncoder().encode(reason);
  if (bytes.length <= MAX_REASON_BYTES) return reason;
  let end = MAX_REASON_BYTES;
  while ((bytes[end] & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

function serverSendable(code: number): boolean {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1013) ||
    (code >= 3000 && code <= 4999);
}

function clientSendable(code: number): boolean {
  return code === 1000 || (code >= 3000 && code <= 4999);
}

/** The close to send the client after Gemini closed with `code` and `reason`. */
export function closeForClient(code: number, reason: string): CloseFrame {
  if (serverSendable(code)) return { code, reason: truncateReason(reason) };
  if (code === NO_STATUS) {
    return { code: 1000, reason: "Gemini's Live API closed the session without a status code." };
  }
  return {
    code: 1011,
    reason: truncateReason(
      code === 0 || code === 1006
        ? "The connection to Gemini's Live API was lost."
        : `Gemini's Live API closed the session with code ${code}${reason ? `: ${reason}` : "."}`,
    ),
  };
}

/**
 * The close to send Gemini after the client closed with `code` and `reason`; any code the
 * client-side socket cannot send becomes 1000.
 */
export function closeForUpstream(code: number, reason: string): CloseFrame {
  if (clientSendable(code)) return { code, reason: truncateReason(reason) };
  if (code === NO_STATUS) return { code: 1000, reason: "" };
  return {
    code: 1000,
    reason: truncateReason(
      code === 0 || code === 1006
        ? "The client's connection was lost."
        : `The client closed the session with code ${code}${reason ? `: ${reason}` : "."}`,
    ),
  };
}
