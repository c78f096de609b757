/**
 * The fake Gemini's model catalog (the real `models.list` page 1, then more) and its paging.
 * @module
 */

import type { ListModelsResponse, Model } from "../gemini/types.ts";

/** A model as `models.list` describes it, sampling defaults included. */
export interface CatalogModel extends Model {
  temperature?: number;
  topP?: number;
  topK?: number;
  maxTemperature?: number;
}

const CACHEABLE = ["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"];
const BATCHABLE = ["generateContent", "countTokens", "batchGenerateContent"];
const GENERATE = ["generateContent", "countTokens"];
const EMBED = ["embedContent", "countTextTokens", "countTokens", "asyncBatchEmbedContent"];
const LIVE = ["countTokens", "bidiGenerateContent"];
const SAMPLING_64 = { temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2 };
const SAMPLING_40 = { temperature: 1, topP: 0.95, topK: 40, maxTemperature: 2 };
const SAMPLING_64_T1 = { temperature: 1, topP: 0.95, topK: 64, maxTemperature: 1 };

/** Every model the fake serves, in listing order. */
export const MODELS: readonly CatalogModel[] = [
  {
    name: "models/gemini-2.5-flash",
    version: "001",
    displayName: "Gemini 2.5 Flash",
    description:
      "Stable version of Gemini 2.5 Flash, our mid-size multimodal model that supports up to 1 million tokens, released in June of 2025.",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-2.5-pro",
    version: "2.5",
    displayName: "Gemini 2.5 Pro",
    description: "Stable release (June 17th, 2025) of Gemini 2.5 Pro",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-2.0-flash",
    version: "2.0",
    displayName: "Gemini 2.0 Flash",
    description: "Gemini 2.0 Flash",
    inputTokenLimit: 1048576,
    outputTokenLimit: 8192,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_40,
  },
  {
    name: "models/gemini-2.0-flash-001",
    version: "2.0",
    displayName: "Gemini 2.0 Flash 001",
    description:
      "Stable version of Gemini 2.0 Flash, our fast and versatile multimodal model for scaling across diverse tasks, released in January of 2025.",
    inputTokenLimit: 1048576,
    outputTokenLimit: 8192,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_40,
  },
  {
    name: "models/gemini-2.0-flash-lite-001",
    version: "2.0",
    displayName: "Gemini 2.0 Flash-Lite 001",
    description: "Stable version of Gemini 2.0 Flash-Lite",
    inputTokenLimit: 1048576,
    outputTokenLimit: 8192,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_40,
  },
  {
    name: "models/gemini-2.0-flash-lite",
    version: "2.0",
    displayName: "Gemini 2.0 Flash-Lite",
    description: "Gemini 2.0 Flash-Lite",
    inputTokenLimit: 1048576,
    outputTokenLimit: 8192,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_40,
  },
  {
    name: "models/gemini-2.5-flash-preview-tts",
    version: "gemini-2.5-flash-exp-tts-2025-05-19",
    displayName: "Gemini 2.5 Flash Preview TTS",
    description: "Gemini 2.5 Flash Preview TTS",
    inputTokenLimit: 8192,
    outputTokenLimit: 16384,
    supportedGenerationMethods: ["countTokens", "generateContent"],
    ...SAMPLING_64,
  },
  {
    name: "models/gemini-2.5-pro-preview-tts",
    version: "gemini-2.5-pro-preview-tts-2025-05-19",
    displayName: "Gemini 2.5 Pro Preview TTS",
    description: "Gemini 2.5 Pro Preview TTS",
    inputTokenLimit: 8192,
    outputTokenLimit: 16384,
    supportedGenerationMethods: ["countTokens", "generateContent", "batchGenerateContent"],
    ...SAMPLING_64,
  },
  {
    name: "models/gemma-4-26b-a4b-it",
    version: "001",
    displayName: "Gemma 4 26B A4B IT",
    description: "Gemma 4 26B A4B IT",
    inputTokenLimit: 262144,
    outputTokenLimit: 32768,
    supportedGenerationMethods: GENERATE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemma-4-31b-it",
    version: "001",
    displayName: "Gemma 4 31B IT",
    description: "Gemma 4 31B IT",
    inputTokenLimit: 262144,
    outputTokenLimit: 32768,
    supportedGenerationMethods: GENERATE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-flash-latest",
    version: "Gemini Flash Latest",
    displayName: "Gemini Flash Latest",
    description: "Latest release of Gemini Flash",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-flash-lite-latest",
    version: "Gemini Flash-Lite Latest",
    displayName: "Gemini Flash-Lite Latest",
    description: "Latest release of Gemini Flash-Lite",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-pro-latest",
    version: "Gemini Pro Latest",
    displayName: "Gemini Pro Latest",
    description: "Latest release of Gemini Pro",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-2.5-flash-lite",
    version: "001",
    displayName: "Gemini 2.5 Flash-Lite",
    description: "Stable version of Gemini 2.5 Flash-Lite, released in July of 2025",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-2.5-flash-image",
    version: "2.0",
    displayName: "Nano Banana",
    description: "Gemini 2.5 Flash Preview Image",
    inputTokenLimit: 32768,
    outputTokenLimit: 32768,
    supportedGenerationMethods: BATCHABLE,
    ...SAMPLING_64_T1,
  },
  {
    name: "models/gemini-3-pro-preview",
    version: "3-pro-preview-11-2025",
    displayName: "Gemini 3 Pro Preview",
    description: "Gemini 3 Pro Preview",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-3-flash-preview",
    version: "3-flash-preview-12-2025",
    displayName: "Gemini 3 Flash Preview",
    description: "Gemini 3 Flash Preview",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-3.1-pro-preview",
    version: "3.1-pro-preview-01-2026",
    displayName: "Gemini 3.1 Pro Preview",
    description: "Gemini 3.1 Pro Preview",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-3.1-pro-preview-customtools",
    version: "3.1-pro-preview-01-2026",
    displayName: "Gemini 3.1 Pro Preview Custom Tools",
    description: "Gemini 3.1 Pro Preview optimized for custom tool usage",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-3.1-flash-lite-preview",
    version: "3.1-flash-lite-preview-03-2026",
    displayName: "Gemini 3.1 Flash Lite Preview",
    description: "Gemini 3.1 Flash Lite Preview",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-3.1-flash-lite",
    version: "3.1-flash-lite-05-2026",
    displayName: "Gemini 3.1 Flash Lite",
    description: "Gemini 3.1 Flash Lite",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-3-pro-image-preview",
    version: "3.0",
    displayName: "Nano Banana Pro",
    description: "Gemini 3 Pro Image Preview",
    inputTokenLimit: 131072,
    outputTokenLimit: 32768,
    supportedGenerationMethods: BATCHABLE,
    ...SAMPLING_64_T1,
    thinking: true,
  },
  {
    name: "models/gemini-3-pro-image",
    version: "3.0",
    displayName: "Nano Banana Pro",
    description: "Gemini 3 Pro Image",
    inputTokenLimit: 131072,
    outputTokenLimit: 32768,
    supportedGenerationMethods: BATCHABLE,
    ...SAMPLING_64_T1,
    thinking: true,
  },
  {
    name: "models/nano-banana-pro-preview",
    version: "3.0",
    displayName: "Nano Banana Pro",
    description: "Gemini 3 Pro Image Preview",
    inputTokenLimit: 131072,
    outputTokenLimit: 32768,
    supportedGenerationMethods: BATCHABLE,
    ...SAMPLING_64_T1,
    thinking: true,
  },
  {
    name: "models/gemini-3.1-flash-image-preview",
    version: "3.0",
    displayName: "Nano Banana 2",
    description: "Gemini 3.1 Flash Image Preview.",
    inputTokenLimit: 65536,
    outputTokenLimit: 65536,
    supportedGenerationMethods: BATCHABLE,
    ...SAMPLING_64_T1,
    thinking: true,
  },
  {
    name: "models/gemini-3.1-flash-image",
    version: "3.0",
    displayName: "Nano Banana 2",
    description: "Gemini 3.1 Flash Image.",
    inputTokenLimit: 65536,
    outputTokenLimit: 65536,
    supportedGenerationMethods: BATCHABLE,
    ...SAMPLING_64_T1,
    thinking: true,
  },
  {
    name: "models/gemini-3.1-flash-lite-image",
    version: "3.0",
    displayName: "Nano Banana 2 Lite",
    description: "Gemini 3.1 Flash Lite Image.",
    inputTokenLimit: 65536,
    outputTokenLimit: 65536,
    supportedGenerationMethods: BATCHABLE,
    ...SAMPLING_64_T1,
    thinking: true,
  },
  {
    name: "models/gemini-3.5-flash",
    version: "3.5-flash-05-2026",
    displayName: "Gemini 3.5 Flash",
    description: "Gemini 3.5 Flash",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-3.5-flash-lite",
    version: "3.5-flash-lite-07-2026",
    displayName: "Gemini 3.5 Flash Lite",
    description: "Gemini 3.5 Flash Lite",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-omni-flash-preview",
    version: "001",
    displayName: "Gemini Omni Flash Preview",
    description: "Gemini Omni Flash Preview",
    inputTokenLimit: 131072,
    outputTokenLimit: 65536,
    supportedGenerationMethods: GENERATE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-3.6-flash",
    version: "3.6-flash-07-2026",
    displayName: "Gemini 3.6 Flash",
    description: "Gemini 3.6 Flash",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/lyria-3-clip-preview",
    version: "lyria-3-clip-preview",
    displayName: "Lyria 3 Clip Preview",
    description: "Lyria 3 30s model Preview",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: GENERATE,
    ...SAMPLING_64,
  },
  {
    name: "models/lyria-3-pro-preview",
    version: "lyria-3-pro-preview",
    displayName: "Lyria 3 Pro Preview",
    description: "Lyria 3 Pro Preview",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: GENERATE,
    ...SAMPLING_64,
  },
  {
    name: "models/gemini-3.1-flash-tts-preview",
    version: "3.1-flash-tts-preview",
    displayName: "Gemini 3.1 Flash TTS Preview",
    description: "Gemini 3.1 Flash TTS Preview",
    inputTokenLimit: 8192,
    outputTokenLimit: 16384,
    supportedGenerationMethods: BATCHABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-robotics-er-1.5-preview",
    version: "1.5-preview",
    displayName: "Gemini Robotics-ER 1.5 Preview",
    description: "Gemini Robotics-ER 1.5 Preview",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: GENERATE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-robotics-er-1.6-preview",
    version: "1.6-preview",
    displayName: "Gemini Robotics-ER 1.6 Preview",
    description: "Gemini Robotics-ER 1.6 Preview",
    inputTokenLimit: 131072,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-robotics-er-2-preview",
    version: "2-preview",
    displayName: "Gemini Robotics-ER 2 Preview",
    description: "Gemini Robotics-ER 2 Preview",
    inputTokenLimit: 131072,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-2.5-computer-use-preview-10-2025",
    version: "Gemini 2.5 Computer Use Preview 10-2025",
    displayName: "Gemini 2.5 Computer Use Preview 10-2025",
    description: "Gemini 2.5 Computer Use Preview 10-2025",
    inputTokenLimit: 131072,
    outputTokenLimit: 65536,
    supportedGenerationMethods: GENERATE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/antigravity-preview-05-2026",
    version: "0.1",
    displayName: "Antigravity Agent Preview",
    description: "Preview release of Antigravity Agent (05-2026)",
    inputTokenLimit: 131072,
    outputTokenLimit: 65536,
    supportedGenerationMethods: GENERATE,
  },
  {
    name: "models/deep-research-max-preview-04-2026",
    version: "deepthink-exp-05-20",
    displayName: "Deep Research Max Preview (Apr-21-2026)",
    description: "Preview release (April 21st, 2026) of Deep Research Max",
    inputTokenLimit: 131072,
    outputTokenLimit: 65536,
    supportedGenerationMethods: GENERATE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/deep-research-preview-04-2026",
    version: "deepthink-exp-05-20",
    displayName: "Deep Research Preview (Apr-21-2026)",
    description: "Preview release (April 21th, 2026) of Deep Research",
    inputTokenLimit: 131072,
    outputTokenLimit: 65536,
    supportedGenerationMethods: GENERATE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/deep-research-pro-preview-12-2025",
    version: "deepthink-exp-05-20",
    displayName: "Deep Research Pro Preview (Dec-12-2025)",
    description: "Preview release (December 12th, 2025) of Deep Research Pro",
    inputTokenLimit: 131072,
    outputTokenLimit: 65536,
    supportedGenerationMethods: GENERATE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-embedding-001",
    version: "001",
    displayName: "Gemini Embedding 001",
    description: "Obtain a distributed representation of a text.",
    inputTokenLimit: 2048,
    outputTokenLimit: 1,
    supportedGenerationMethods: EMBED,
  },
  {
    name: "models/gemini-embedding-2-preview",
    version: "2",
    displayName: "Gemini Embedding 2 Preview",
    description: "Obtain a distributed representation of multimodal content.",
    inputTokenLimit: 8192,
    outputTokenLimit: 1,
    supportedGenerationMethods: EMBED,
  },
  {
    name: "models/gemini-embedding-2",
    version: "2",
    displayName: "Gemini Embedding 2",
    description: "Obtain a distributed representation of multimodal content.",
    inputTokenLimit: 8192,
    outputTokenLimit: 1,
    supportedGenerationMethods: EMBED,
  },
  {
    name: "models/aqa",
    version: "001",
    displayName: "Model that performs Attributed Question Answering.",
    description:
      "Model trained to return answers to questions that are grounded in provided sources, along with estimating answerable probability.",
    inputTokenLimit: 7168,
    outputTokenLimit: 1024,
    supportedGenerationMethods: ["generateAnswer"],
    temperature: 0.2,
    topP: 1,
    topK: 40,
  },
  {
    name: "models/imagen-4.0-generate-001",
    version: "001",
    displayName: "Imagen 4",
    description: "Vertex served Imagen 4.0 model",
    inputTokenLimit: 480,
    outputTokenLimit: 8192,
    supportedGenerationMethods: ["predict"],
  },
  {
    name: "models/imagen-4.0-ultra-generate-001",
    version: "001",
    displayName: "Imagen 4 Ultra",
    description: "Vertex served Imagen 4.0 ultra model",
    inputTokenLimit: 480,
    outputTokenLimit: 8192,
    supportedGenerationMethods: ["predict"],
  },
  {
    name: "models/imagen-4.0-fast-generate-001",
    version: "001",
    displayName: "Imagen 4 Fast",
    description: "Vertex served Imagen 4.0 Fast model",
    inputTokenLimit: 480,
    outputTokenLimit: 8192,
    supportedGenerationMethods: ["predict"],
  },
  {
    name: "models/veo-3.1-generate-preview",
    version: "3.1",
    displayName: "Veo 3.1",
    description: "Veo 3.1",
    inputTokenLimit: 480,
    outputTokenLimit: 8192,
    supportedGenerationMethods: ["predictLongRunning"],
  },

  {
    name: "models/gemini-2.0-flash-exp",
    version: "2.0",
    displayName: "Gemini 2.0 Flash Experimental",
    description: "Gemini 2.0 Flash Experimental",
    inputTokenLimit: 1048576,
    outputTokenLimit: 8192,
    supportedGenerationMethods: ["generateContent", "countTokens", "bidiGenerateContent"],
    ...SAMPLING_40,
  },
  {
    name: "models/gemini-2.5-flash-preview-09-2025",
    version: "2.5-preview-09-25",
    displayName: "Gemini 2.5 Flash Preview Sep 2025",
    description: "Gemini 2.5 Flash Preview Sep 2025",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-2.5-flash-lite-preview-09-2025",
    version: "2.5-preview-09-25",
    displayName: "Gemini 2.5 Flash-Lite Preview Sep 2025",
    description: "Preview release (September 25th, 2025) of Gemini 2.5 Flash-Lite",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-live-2.5-flash-preview",
    version: "001",
    displayName: "Gemini Live 2.5 Flash Preview",
    description: "Gemini Live 2.5 Flash Preview",
    inputTokenLimit: 1048576,
    outputTokenLimit: 8192,
    supportedGenerationMethods: LIVE,
    ...SAMPLING_64,
  },
  {
    name: "models/gemini-2.5-flash-native-audio-latest",
    version: "Gemini 2.5 Flash Native Audio Latest",
    displayName: "Gemini 2.5 Flash Native Audio Latest",
    description: "Latest release of Gemini 2.5 Flash Native Audio",
    inputTokenLimit: 131072,
    outputTokenLimit: 8192,
    supportedGenerationMethods: LIVE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-2.5-flash-native-audio-preview-09-2025",
    version: "gemini-2.5-flash-preview-native-audio-dialog-2025-05-19",
    displayName: "Gemini 2.5 Flash Native Audio Preview 09-2025",
    description: "Gemini 2.5 Flash Native Audio Preview 09-2025",
    inputTokenLimit: 131072,
    outputTokenLimit: 8192,
    supportedGenerationMethods: LIVE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/text-embedding-004",
    version: "004",
    displayName: "Text Embedding 004",
    description: "Obtain a distributed representation of a text.",
    inputTokenLimit: 2048,
    outputTokenLimit: 1,
    supportedGenerationMethods: ["embedContent"],
  },
  {
    name: "models/gemma-3-27b-it",
    version: "001",
    displayName: "Gemma 3 27B",
    description: "",
    inputTokenLimit: 131072,
    outputTokenLimit: 8192,
    supportedGenerationMethods: GENERATE,
    temperature: 1,
    topP: 0.95,
    topK: 64,
  },
  {
    name: "models/veo-3.0-generate-001",
    version: "3.0",
    displayName: "Veo 3",
    description: "Veo 3",
    inputTokenLimit: 480,
    outputTokenLimit: 8192,
    supportedGenerationMethods: ["predictLongRunning"],
  },
  {
    name: "models/veo-3.0-fast-generate-001",
    version: "3.0",
    displayName: "Veo 3 fast",
    description: "Veo 3 fast",
    inputTokenLimit: 480,
    outputTokenLimit: 8192,
    supportedGenerationMethods: ["predictLongRunning"],
  },
  // Released after the capture of page 1 (fixture 09): modelled on Google's model pages.
  {
    name: "models/gemini-3.7-flash",
    version: "3.7-flash-08-2026",
    displayName: "Gemini 3.7 Flash",
    description: "Gemini 3.7 Flash",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-3.8-flash",
    version: "3.8-flash-09-2026",
    displayName: "Gemini 3.8 Flash",
    description: "Gemini 3.8 Flash",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: CACHEABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-4-argon",
    version: "4-argon-10-2026",
    displayName: "Gemini 4 Argon",
    description: "Gemini 4 Argon",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: BATCHABLE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-3.8-live",
    version: "3.8-live-09-2026",
    displayName: "Gemini 3.8 Live",
    description: "Gemini 3.8 Live",
    inputTokenLimit: 131072,
    outputTokenLimit: 65536,
    supportedGenerationMethods: LIVE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-3.8-live-extended-thinking",
    version: "3.8-live-extended-thinking-09-2026",
    displayName: "Gemini 3.8 Live Extended Thinking",
    description: "Gemini 3.8 Live Extended Thinking",
    inputTokenLimit: 131072,
    outputTokenLimit: 65536,
    supportedGenerationMethods: LIVE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-2.5-flash-native-audio-preview-12-2025",
    version: "gemini-2.5-flash-native-audio-preview-12-2025",
    displayName: "Gemini 2.5 Flash Native Audio Preview 12-2025",
    description: "Gemini 2.5 Flash Native Audio Preview 12-2025",
    inputTokenLimit: 131072,
    outputTokenLimit: 8192,
    supportedGenerationMethods: LIVE,
    ...SAMPLING_64,
    thinking: true,
  },
  {
    name: "models/gemini-3.8-flash-tts",
    version: "3.8-flash-tts-09-2026",
    displayName: "Gemini 3.8 Flash TTS",
    description: "Gemini 3.8 Flash TTS",
    inputTokenLimit: 8192,
    outputTokenLimit: 16384,
    supportedGenerationMethods: BATCHABLE,
    ...SAMPLING_64,
  },
  {
    name: "models/gemini-3.8-flash-lite-tts",
    version: "3.8-flash-lite-tts-09-2026",
    displayName: "Gemini 3.8 Flash-Lite TTS",
    description: "Gemini 3.8 Flash-Lite TTS",
    inputTokenLimit: 8192,
    outputTokenLimit: 16384,
    supportedGenerationMethods: BATCHABLE,
    ...SAMPLING_64,
  },
  {
    name: "models/gemini-3.5-transcribe",
    version: "3.5-transcribe",
    displayName: "Gemini 3.5 Transcribe",
    description: "Gemini 3.5 Transcribe",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: GENERATE,
    ...SAMPLING_64,
  },
  {
    name: "models/gemini-nano-banana-2.1",
    version: "nano-banana-2.1-10-2026",
    displayName: "Nano Banana 2.1",
    description: "Gemini Nano Banana 2.1",
    inputTokenLimit: 65536,
    outputTokenLimit: 65536,
    supportedGenerationMethods: BATCHABLE,
    ...SAMPLING_64_T1,
    thinking: true,
  },
];

/**
 * Models Google has shut down: `null` where calls are a 404 (as for any unknown model), else
 * the model Google routes their calls to (answering with its own `modelVersion`). Those still
 * listed stay in the catalog, as `models.list` keeps listing them.
 */
export const SHUT_DOWN: Readonly<Record<string, string | null>> = {
  "gemini-2.0-flash": null,
  "gemini-2.0-flash-001": null,
  "gemini-2.0-flash-lite": null,
  "gemini-2.0-flash-lite-001": null,
  "gemini-2.0-flash-exp": null,
  "gemini-2.5-flash-preview-09-2025": null,
  "gemini-2.5-flash-image": null,
  "gemini-live-2.5-flash-preview": null,
  "gemini-3-pro-preview": null,
  "gemini-3-pro-image-preview": null,
  "gemini-3.1-flash-image-preview": null,
  "gemini-3.1-flash-lite-preview": null,
  "gemini-robotics-er-1.5-preview": null,
  "gemini-robotics-er-1.6-preview": null,
  "imagen-4.0-generate-001": null,
  "imagen-4.0-ultra-generate-001": null,
  "imagen-4.0-fast-generate-001": null,
  "text-embedding-004": null,
  "gemini-2.5-pro": "gemini-3.8-flash",
  "gemini-2.5-flash": "gemini-3.5-flash-lite",
  "gemini-3.5-flash": "gemini-3.6-flash",
  "gemini-3.7-flash": "gemini-3.8-flash",
};

/** The page size `models.list` uses when none is asked for. */
export const DEFAULT_PAGE_SIZE = 50;

/** The largest page `models.list` returns. */
export const MAX_PAGE_SIZE = 1000;

/** The model named `id` (with or without the `models/` prefix), if the catalog has it. */
export function findModel(id: string): CatalogModel | undefined {
  const name = id.startsWith("models/") ? id : `models/${id}`;
  return MODELS.find((model) => model.name === name);
}

/**
 * The model that answers calls for `id`: the catalog's, or the one Google routes a shut-down
 * model to; `undefined` for an unknown or shut-down model.
 */
export function servingModel(id: string): CatalogModel | undefined {
  const name = id.replace(/^models\//, "");
  if (!Object.hasOwn(SHUT_DOWN, name)) return findModel(name);
  const target = SHUT_DOWN[name];
  return target === null ? undefined : findModel(target);
}

/** Whether `model` serves `method` (e.g. `generateContent`, `embedContent`). */
export function supportsMethod(model: CatalogModel, method: string): boolean {
  return model.supportedGenerationMethods?.includes(method) ?? false;
}

/** The opaque token of the page after `name`: base64url of the protobuf `{1: name}`. */
function pageTokenAfter(name: string): string {
  const bytes = new TextEncoder().encode(name);
  return Uint8Array.of(0x0a, bytes.length, ...bytes).toBase64({
    alphabet: "base64url",
    omitPadding: true,
  });
}

/** The index of the first model after the one a page token names, or -1 if it names none. */
function pageStart(token: string): number {
  try {
    const bytes = Uint8Array.fromBase64(token, { alphabet: "base64url" });
    if (bytes[0] !== 0x0a || bytes[1] !== bytes.length - 2) return -1;
    const name = new TextDecoder().decode(bytes.subarray(2));
    const index = MODELS.findIndex((model) => model.name === name);
    return index < 0 ? -1 : index + 1;
  } catch {
    return -1;
  }
}

/**
 * One page of `models.list`: `pageSize` models (50 when 0 or absent, at most 1000) after the
 * one `pageToken` names; `nextPageToken` only when more follow. `undefined` for a token the
 * fake never issued.
 */
export function listModels(pageSize = 0, pageToken = ""): ListModelsResponse | undefined {
  const start = pageToken ? pageStart(pageToken) : 0;
  if (start < 0) return undefined;
  const size = pageSize > 0 ? Math.min(pageSize, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const models = MODELS.slice(start, start + size);
  const page: ListModelsResponse = { models };
  if (start + size < MODELS.length) page.nextPageToken = pageTokenAfter(models.at(-1)!.name);
  return page;
}
