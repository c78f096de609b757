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

/**
 * Leading bytes of each recognised format; `-1` matches any byte, and a `mask` (when given) is
 * applied to each byte before it is compared.
 */
const SIGNATURES: { mimeType: string; bytes: number[]; mask?: number[] }[] = [
  { mimeType: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mimeType: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { mimeType: "image/gif", bytes: [0x47, 0x49, 0x46, 0x38] },
  {
    mimeType: "image/webp",
    bytes: [0x52, 0x49, 0x46, 0x46, -1, -1, -1, -1, 0x57, 0x45, 0x42, 0x50],
  },
  { mimeType: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // RIFF….WAVE
  {
    mimeType: "audio/wav",
    bytes: [0x52, 0x49, 0x46, 0x46, -1, -1, -1, -1, 0x57, 0x41, 0x56, 0x45],
  },
  // FORM….AIFF and FORM….AIFC
  { mimeType: "audio/aiff", bytes: [0x46, 0x4f, 0x52, 0x4d, -1, -1, -1, -1, 0x41, 0x49, 0x46] },
  { mimeType: "audio/flac", bytes: [0x66, 0x4c, 0x61, 0x43] }, // fLaC
  { mimeType: "audio/ogg", bytes: [0x4f, 0x67, 0x67, 0x53] }, // OggS (Vorbis, Opus)
  { mimeType: "audio/mp3", bytes: [0x49, 0x44, 0x33] }, // an ID3 tag before MPEG frames
  // An MPEG audio layer III frame: 11 sync bits, then layer bits 01.
  { mimeType: "audio/mp3", bytes: [0xff, 0xe2], mask: [0xff, 0xe6] },
  // An AAC ADTS frame: 12 sync bits, then layer bits 00.
  { mimeType: "audio/aac", bytes: [0xff, 0xf0], mask: [0xff, 0xf6] },
  // ISO media whose brand is M4A: audio in an MP4 container.
  { mimeType: "audio/mp4", bytes: [-1, -1, -1, -1, 0x66, 0x74, 0x79, 0x70, 0x4d, 0x34, 0x41] },
  { mimeType: "video/mp4", bytes: [-1, -1, -1, -1, 0x66, 0x74, 0x79, 0x70] }, // ….ftyp
  { mimeType: "video/webm", bytes: [0x1a, 0x45, 0xdf, 0xa3] }, // EBML (WebM, Matroska)
];

/**
 * The media type of content recognised by its first bytes: PNG, JPEG, GIF, WEBP, PDF, and the
 * audio formats WAV, AIFF, FLAC, OGG, MP3, AAC and M4A (other MP4 and WebM files as video).
 */
export function sniffMimeType(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find(({ bytes: signature, mask }) =>
    bytes.length >= signature.length &&
    signature.every((byte, at) => byte === -1 || (bytes[at] & (mask?.[at] ?? 0xff)) === byte)
  )?.mimeType;
}
