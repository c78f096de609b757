/**
 * OpenAI's `size` and `quality` of an image → Gemini's `imageConfig` (`aspectRatio`, `imageSize`).
 * @module
 */

import type { ImageConfig } from "../../gemini/types.ts";
import { excerpt } from "../../core/excerpt.ts";
import { invalidValue } from "../../http/fields.ts";

/** The aspect ratios Gemini's image models paint. */
export const ASPECT_RATIOS = [
  "1:1",
  "2:3",
  "3:2",
  "3:4",
  "4:3",
  "4:5",
  "5:4",
  "9:16",
  "16:9",
  "21:9",
];

/** Gemini's image sizes, each with the longest edge it stands for. */
const IMAGE_SIZES: [string, number][] = [["1K", 1024], ["2K", 2048], ["4K", 4096]];

/** OpenAI's quality values. */
export const QUALITIES = ["auto", "low", "medium", "high", "standard", "hd"];

/** How far (as a ratio of ratios) a size may be from the aspect ratio chosen for it. */
const RATIO_TOLERANCE = 1.05;

const SIZE = /^(\d{1,5})x(\d{1,5})$/;

function ratioOf(aspect: string): number {
  const [width, height] = aspect.split(":").map(Number);
  return width / height;
}

/**
 * The `imageConfig` for `size` (`WIDTHxHEIGHT` or `auto`) and `quality`: the aspect ratio nearest
 * the size's (within 5 %), and the smallest image size whose longest edge reaches the size's
 * (1K, Gemini's default, is not sent). `high` and `hd` quality ask for at least 2K. Sizes Gemini
 * cannot paint are a 400 naming `size`.
 */
export function toImageConfig(size: string | undefined, quality: string | undefined): ImageConfig {
  if (quality !== undefined && !QUALITIES.includes(quality)) {
    throw invalidValue("quality", `expected one of ${QUALITIES.join(", ")}.`);
  }
  const config: ImageConfig = {};
  let edge = quality === "high" || quality === "hd" ? 2048 : 0;
  if (size !== undefined && size !== "auto") {
    const match = SIZE.exec(size);
    const [width, height] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
    if (!width || !height) {
      throw invalidValue(
        "size",
        `'${excerpt(size)}' is not a size: expected WIDTHxHEIGHT (e.g. 1024x1024) or auto.`,
      );
    }
    const ratio = width / height;
    const nearest = ASPECT_RATIOS.reduce((best, aspect) =>
      Math.abs(Math.log(ratioOf(aspect) / ratio)) < Math.abs(Math.log(ratioOf(best) / ratio))
        ? aspect
        : best
    );
    const longest = Math.max(width, height);
    if (Math.abs(Math.log(ratioOf(nearest) / ratio)) > Math.log(RATIO_TOLERANCE)) {
      throw invalidValue(
        "size",
        `Gemini paints the aspect ratios ${ASPECT_RATIOS.join(", ")}; ${size} is none of them.`,
      );
    }
    if (longest > IMAGE_SIZES.at(-1)![1]) {
      throw invalidValue("size", `Gemini paints images of at most 4096 pixels a side.`);
    }
    config.aspectRatio = nearest;
    edge = Math.max(edge, longest);
  }
  const imageSize = IMAGE_SIZES.find(([, pixels]) => pixels >= edge)![0];
  if (imageSize !== "1K") config.imageSize = imageSize;
  return config;
}
