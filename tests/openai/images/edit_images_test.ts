import assert from "node:assert/strict";
import { MediaBudget } from "../../../src/core/media_budget.ts";
import { RemoteFiles } from "../../../src/core/remote_files.ts";
import { FAKE_PNG } from "../../../src/fake/media.ts";
import {
  checkImageParts,
  MAX_EDIT_IMAGES,
  referencedImages,
  uploadedImages,
} from "../../../src/openai/images/edit_images.ts";

const PNG = Uint8Array.fromBase64(FAKE_PNG);

Deno.test("uploadedImages: each file inline, its type from the bytes; none or too many is a 400", async () => {
  const parts = await uploadedImages(
    [{ file: new File([PNG], "blob"), param: "image[0]" }, {
      file: new File([PNG], "b.png", { type: "image/png" }),
      param: "image[1]",
    }],
    new MediaBudget(),
  );
  assert.deepEqual(parts.map((part) => part.inlineData?.mimeType), ["image/png", "image/png"]);
  await assert.rejects(() => uploadedImages([], new MediaBudget()), { param: "image" });
  const many = Array.from({ length: MAX_EDIT_IMAGES + 1 }, () => ({
    file: new File([PNG], "a.png"),
    param: "image",
  }));
  await assert.rejects(() => uploadedImages(many, new MediaBudget()), { param: "image" });
  await assert.rejects(
    () =>
      uploadedImages([{ file: new File(["text"], "a.txt"), param: "image" }], new MediaBudget()),
    { param: "image", code: "invalid_file_format" },
  );
});

Deno.test("referencedImages: data: URLs inline, http(s) URLs fetched later, Gemini files by reference", () => {
  const files = new RemoteFiles();
  const parts = referencedImages([
    { image_url: `data:image/png;base64,${FAKE_PNG}` },
    { image_url: "https://example.com/a.png" },
    { file_id: "files/abc" },
  ], files);
  assert.deepEqual(parts[0], { inlineData: { mimeType: "image/png", data: FAKE_PNG } });
  assert.deepEqual(parts[1], {});
  assert.deepEqual(parts[2], {
    fileData: { fileUri: "https://generativelanguage.googleapis.com/v1beta/files/abc" },
  });
  assert.throws(() => referencedImages([{ file_id: "file-abc" }], files), {
    param: "images[0].file_id",
  });
});

Deno.test("checkImageParts: an inline part that is not a picture is a 400 naming it", () => {
  checkImageParts([{ inlineData: { mimeType: "image/webp", data: "" } }, {
    fileData: { fileUri: "x" },
  }]);
  assert.throws(
    () =>
      checkImageParts([
        { inlineData: { mimeType: "image/png", data: "" } },
        { inlineData: { mimeType: "application/pdf", data: "" } },
      ]),
    { param: "images[1].image_url", code: "invalid_file_format" },
  );
});
