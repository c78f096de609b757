/**
 * Reading a client's JSON body, with a size limit.
 * @module
 */

import { GatewayError, invalidRequest } from "../core/errors.ts";

/** Reads `request`'s body as a JSON object, answering 413 past `maxBytes` and 400 when malformed. */
export async function readJsonObject(
  request: Request,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readAtMost(request.body, maxBytes, () => tooLarge(maxBytes));
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw invalidRequest(
      "We could not parse the JSON body of your request. The body must be valid JSON.",
      null,
      "invalid_json",
    );
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw invalidRequest("The request body must be a JSON object.", null, "invalid_json");
  }
  return body as Record<string, unknown>;
}

/**
 * All of `body`, failing with `tooLarge()` as soon as it grows past `maxBytes`, without reading
 * further.
 */
export async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (body) {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(maxBytes: number) {
  return new GatewayError(
    413,
    `The request body is larger than the ${maxBytes} bytes this gateway accepts.`,
    "invalid_request_error",
    null,
    "request_too_large",
  );
}
