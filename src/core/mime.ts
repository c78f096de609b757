/**
 * Media types of files sent to Gemini: as declared (normalized), from a file name's extension, or
 * sniffed from the bytes.
 * @module
 */

/** Declared types that say nothing about the content. */
const GENERIC_TYPES = ["", "application/octet-stream", "binary/octet-stream"];

/** Common spellings Gemini refuses ("Unsupported MIME type: image/jpg"), with its own. */
const ALIASES: Record<string, string> = { "image/jpg": "image/jpeg" };

/**
 * A declared media type (a `Content-Type` or a `data:` URI's type) as Gemini accepts it:
 * lower-case, without parameters, `image/jpg` as `image/jpeg`; `undefined` when it is missing or
 * generic (`application/octet-stream`, `binary/octet-stream`), so the content must tell.
 */
export function normalizeMimeType(declared: string | null | undefined): string | undefined {
  const type = (declared ?? "").split(";")[0].trim().toLowerCase();
  if (GENERIC_TYPES.includes(type)) return undefined;
  return ALIASES[type] ?? type;
}

const BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  txt: "text/plain",
  text: "text/plain",
  md: "text/markdown",
  markdown: "text/markdown",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  html: "text/html",
  htm: "text/html",
  css: "text/css",
  xml: "text/xml",
  rtf: "text/rtf",
  json: "application/json",
  js: "text/javascript",
  mjs: "text/javascript",
  ts: "text/plain",
  py: "text/x-python",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  heic: "image/heic",
  heif: "image/heif",
  wav: "audio/wav",
  mp3: "audio/mp3",
  aiff: "audio/aiff",
  aif: "audio/aiff",
  aac: "audio/aac",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  opus: "audio/ogg",
  flac: "audio/flac",
  m4a: "audio/m4a",
  mp4: "video/mp4",
  m4v: "video/mp4",
  mpeg: "video/mpeg",
  mpg: "video/mpeg",
  mov: "video/quicktime",
  avi: "video/avi",
  flv: "video/x-flv",
  webm: "video/webm",
  wmv: "video/wmv",
  "3gp": "video/3gpp",
};

/** The media type of a file name or URL path from its extension, if the extension is known. */
export function mimeTypeFromName(name: string): string | undefined {
  const match = /\.([A-Za-z0-9]+)$/.exec(name);
  return match ? BY_EXTENSION[match[1].toLowerCase()] : undefined;
}

/** Leading bytes of each recognised format; `-1` matches any byte. */
const SIGNATURES: { mimeType: string; bytes: number[] }[] = [
  { mimeType: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mimeType: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { mimeType: "image/gif", bytes: [0x47, 0x49, 0x46, 0x38] },
  {
    mimeType: "image/webp",
    bytes: [0x52, 0x49, 0x46, 0x46, -1, -1, -1, -1, 0x57, 0x45, 0x42, 0x50],
  },
  { mimeType: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** The media type of PNG, JPEG, GIF, WEBP or PDF content, recognised by its first bytes. */
export function sniffMimeType(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find(({ bytes: signature }) =>
    bytes.length >= signature.length &&
    signature.every((byte, at) => byte === -1 || bytes[at] === byte)
  )?.mimeType;
}
