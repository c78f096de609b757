/**
 * Reading a client's JSON or form body, with a size limit.
 * @module
 */

import { MAX_DEPTH, tooDeepAt } from "../core/depth.ts";
import { GatewayError, invalidRequest } from "../core/errors.ts";
import { excerpt } from "../core/excerpt.ts";
import { childParam } from "./fields.ts";

/**
 * Reads `request`'s body as a JSON object, answering 413 past `maxBytes` and 400 when malformed
 * or nested deeper than {@linkcode MAX_DEPTH} levels.
 */
export async function readJsonObject(
  request: Request,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  const text = await readRequestBody(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
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
  const deep = tooDeepAt(body);
  if (deep) {
    const param = excerpt(deep.reduce<string>(childParam, ""));
    throw invalidRequest(
      `The request body nests deeper than ${MAX_DEPTH} levels, at '${param}'.`,
      param,
      "too_deep",
    );
  }
  return body as Record<string, unknown>;
}

/**
 * Reads `request`'s `multipart/form-data` (or url-encoded) body, answering 413 past `maxBytes`
 * (before any of it is parsed) and 400 when it is not a form.
 */
export async function readFormData(request: Request, maxBytes: number): Promise<FormData> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const type = request.headers.get("content-type") ?? "";
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
    throw invalidRequest(
      "The request body must be multipart/form-data, with the file and the other fields as parts.",
      null,
      "invalid_content_type",
    );
  }
  const bytes = await readAtMost(request.body, maxBytes, () => tooLarge(maxBytes));
  try {
    return await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": type },
    }).formData();
  } catch {
    throw invalidRequest(
      "We could not parse the multipart/form-data body of your request.",
      null,
      "invalid_multipart",
    );
  }
}

/**
 * All of `message`'s body (a request or a response) as text, failing with `tooLarge()` past
 * `maxBytes`. A body whose `content-length` declares a size within the bound is read at once
 * (HTTP framing holds it to that size); one over the bound is refused unread; one without a
 * declared size is counted as it streams in.
 */
export async function readTextAtMost(
  message: Request | Response,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<string> {
  const length = message.headers.get("content-length");
  const declared = length === null ? NaN : Number(length);
  if (declared > maxBytes) {
    await message.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!Number.isInteger(declared) || declared < 0) {
    return new TextDecoder().decode(await readAtMost(message.body, maxBytes, tooLarge));
  }
  const text = await message.text();
  // Only a message built in-process can carry more than it declares.
  if (text.length > maxBytes) throw tooLarge();
  return text;
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
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The client's body, within `maxBytes` (413 beyond). A body the client stopped sending (it went
 * away) is a 400 that nobody reads, not a fault to log.
 */
async function readRequestBody(request: Request, maxBytes: number): Promise<string> {
  try {
    return await readTextAtMost(request, maxBytes, () => tooLarge(maxBytes));
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    throw invalidRequest(
      "The request body could not be read: the connection closed before it was complete.",
      null,
      "incomplete_body",
    );
  }
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
