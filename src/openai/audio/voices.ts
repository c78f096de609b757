/**
 * OpenAI's voices → Gemini's prebuilt voices; Gemini's own names are taken as given.
 * @module
 */

import { excerpt } from "../../core/excerpt.ts";
import { invalidValue, isRecord, readString } from "../../http/fields.ts";

/** Gemini's prebuilt voices (speech generation docs, December 2026). */
export const GEMINI_VOICES = [
  "Achernar",
  "Achird",
  "Algenib",
  "Algieba",
  "Alnilam",
  "Aoede",
  "Autonoe",
  "Callirrhoe",
  "Charon",
  "Despina",
  "Enceladus",
  "Erinome",
  "Fenrir",
  "Gacrux",
  "Iapetus",
  "Kore",
  "Laomedeia",
  "Leda",
  "Orus",
  "Puck",
  "Pulcherrima",
  "Rasalgethi",
  "Sadachbia",
  "Sadaltager",
  "Schedar",
  "Sulafat",
  "Umbriel",
  "Vindemiatrix",
  "Zephyr",
  "Zubenelgenubi",
] as const;

/**
 * Each OpenAI voice → the Gemini voice of the nearest character (Google describes each: Zephyr
 * bright, Orus firm, Enceladus breathy, Sulafat warm, Charon informative, Iapetus clear, Leda
 * youthful, Algenib gravelly, Vindemiatrix gentle, Despina smooth, Puck upbeat, Kore firm,
 * Schedar even).
 */
export const OPENAI_VOICES: Readonly<Record<string, string>> = {
  alloy: "Zephyr",
  ash: "Orus",
  ballad: "Enceladus",
  coral: "Sulafat",
  echo: "Charon",
  fable: "Iapetus",
  nova: "Leda",
  onyx: "Algenib",
  sage: "Vindemiatrix",
  shimmer: "Despina",
  verse: "Puck",
  marin: "Kore",
  cedar: "Schedar",
};

const BY_LOWER_CASE = new Map<string, string>([
  ...GEMINI_VOICES.map((name): [string, string] => [name.toLowerCase(), name]),
  ...Object.entries(OPENAI_VOICES),
]);

/**
 * The Gemini voice for `value` (a voice name, or OpenAI's custom voice object `{id}`), any case;
 * an unknown voice is a 400 listing both sets of names.
 */
export function toVoiceName(value: unknown, param = "voice"): string {
  const name = isRecord(value) ? readString(value.id, `${param}.id`) : readString(value, param);
  const voice = BY_LOWER_CASE.get(name.trim().toLowerCase());
  if (voice) return voice;
  throw invalidValue(
    param,
    `unknown voice '${excerpt(name)}'. Use one of OpenAI's (${
      Object.keys(OPENAI_VOICES).join(", ")
    }) or Gemini's (${GEMINI_VOICES.join(", ")}).`,
  );
}
