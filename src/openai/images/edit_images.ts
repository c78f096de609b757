/**
 * The pictures an edit starts from, as Gemini parts: the files of a multipart `POST /images/edits`
 * (`image` or `image[]`), or the references of a JSON one (`images: [{image_url} | {file_id}]`).
 * @module
 */

import type { Part } from "../../gemini/types.ts";
import type { MediaBudget } from "../../core/media_budget.ts";
import { fileIdPart, urlPart } from "../../core/media_part.ts";
import type { RemoteFiles } from "../../core/remote_files.ts";
import { uploadedBlob, type UploadKinds } from "../../core/upload.ts";
import { invalidRequest } from "../../core/errors.ts";
import {
  childParam,
  invalidValue,
  missing,
  readArray,
  readRecord,
  readString,
} from "../../http/fields.ts";
import type { FormFile } from "../../http/form.ts";

/** Most pictures one edit may start from (Gemini 3 image models take up to 14). */
export const MAX_EDIT_IMAGES = 14;

/** The pictures Gemini's image models take. */
export const IMAGE_KINDS: UploadKinds = {
  noun: "an image",
  mimeTypes: ["image/png", "image/jpeg", "image/webp", "image/heic", "image/heif"],
  names: "PNG, JPEG, WEBP, HEIC or HEIF",
};

function checkCount(count: number, param: string): void {
  if (count === 0) throw missing(param);
  if (count > MAX_EDIT_IMAGES) {
    throw invalidValue(param, `at most ${MAX_EDIT_IMAGES} images are supported per edit.`);
  }
}

/** The uploaded `image` files as inline parts; a file that is no picture is a 400 naming it. */
export async function uploadedImages(uploads: FormFile[], budget: MediaBudget): Promise<Part[]> {
  checkCount(uploads.length, "image");
  const parts: Part[] = [];
  for (const { file, param } of uploads) {
    parts.push({ inlineData: await uploadedBlob(file, param, IMAGE_KINDS, budget) });
  }
  return parts;
}

/**
 * The parts of a JSON edit's `images`: an `image_url` that is a `data:` URL inline, an http(s)
 * one fetched by {@linkcode RemoteFiles.fetchAll} (call {@linkcode checkImageParts} after it), a
 * `file_id` only when it is a Gemini Files API file (OpenAI's file ids cannot be read here).
 */
export function referencedImages(value: unknown, files: RemoteFiles): Part[] {
  if (value === undefined || value === null) throw missing("images");
  const references = readArray(value, "images");
  checkCount(references.length, "images");
  return references.map((item, index) => {
    const param = childParam("images", index);
    const reference = readRecord(item, param);
    if (reference.image_url !== undefined && reference.file_id !== undefined) {
      throw invalidValue(param, "give either image_url or file_id, not both.");
    }
    if (reference.file_id !== undefined) {
      const fileParam = childParam(param, "file_id");
      return fileIdPart(readString(reference.file_id, fileParam), fileParam, files);
    }
    const urlParam = childParam(param, "image_url");
    if (reference.image_url === undefined) throw missing(urlParam);
    return urlPart(readString(reference.image_url, urlParam), urlParam, files);
  });
}

/** Checks that each inline part of `images` (from {@linkcode referencedImages}) is a picture. */
export function checkImageParts(images: Part[]): void {
  images.forEach((part, index) => {
    const type = part.inlineData?.mimeType;
    if (type !== undefined && !IMAGE_KINDS.mimeTypes.includes(type)) {
      const param = childParam(childParam("images", index), "image_url");
      throw invalidRequest(
        `Invalid '${param}': expected ${IMAGE_KINDS.noun} (${IMAGE_KINDS.names}), but got ` +
          `${type}.`,
        param,
        "invalid_file_format",
      );
    }
  });
}
