/**
 * Gemini models Google has shut down, each → the model Google recommends instead: data, read by
 * {@linkcode ModelAliases}. Keys are model ids or glob patterns (`*` = any run of characters),
 * tried in order, the first match winning; a replacement that is itself listed is followed on,
 * so an entry names Google's published replacement even once that one is shut down in turn.
 *
 * To update: add or change one line, and the `read` date. Provenance and the choices made where
 * sources disagree are in `docs/models.md`.
 * @module
 */

/** Google's shutdowns and their recommended replacements, with where and when they were read. */
export const RETIRED_MODELS: {
  readonly source: string;
  readonly read: string;
  readonly replacements: Readonly<Record<string, string>>;
} = Object.freeze({
  source: "https://ai.google.dev/gemini-api/docs/deprecations",
  read: "2026-12-02",
  replacements: Object.freeze({
    // Gemini 1.0 and 1.5 (2025): Google's migration guides named 1.5, then 2.x.
    "gemini-pro": "gemini-1.5-pro",
    "gemini-pro-vision": "gemini-1.5-pro",
    "gemini-1.0-*": "gemini-1.5-pro",
    "gemini-1.5-pro*": "gemini-2.5-pro",
    "gemini-1.5-flash-8b*": "gemini-2.0-flash-lite",
    "gemini-1.5-flash*": "gemini-2.0-flash",
    "gemini-exp-*": "gemini-2.5-pro",
    // Gemini 2.0 experiments and previews (2025).
    "gemini-2.0-pro-exp*": "gemini-2.5-pro",
    "gemini-2.0-flash-thinking-exp*": "gemini-2.5-flash",
    "gemini-2.0-flash-exp": "gemini-2.0-flash",
    "gemini-2.0-flash-preview-image-generation": "gemini-2.5-flash-image",
    "gemini-2.0-flash-exp-image-generation": "gemini-2.5-flash-image",
    "gemini-2.0-flash-lite-preview*": "gemini-2.0-flash-lite",
    // Live models (9 December 2025).
    "gemini-2.0-flash-live-001": "gemini-2.5-flash-native-audio-preview-12-2025",
    "gemini-live-2.5-flash-preview": "gemini-2.5-flash-native-audio-preview-12-2025",
    // Gemini 2.0 Flash and Flash-Lite (1 June 2026).
    "gemini-2.0-flash": "gemini-3.5-flash",
    "gemini-2.0-flash-001": "gemini-3.5-flash",
    "gemini-2.0-flash-lite": "gemini-3.1-flash-lite",
    "gemini-2.0-flash-lite-001": "gemini-3.1-flash-lite",
    // Gemini 2.5 previews (December 2025 – February 2026).
    "gemini-2.5-pro-exp-03-25": "gemini-3.1-pro-preview",
    "gemini-2.5-pro-preview-03-25": "gemini-3.1-pro-preview",
    "gemini-2.5-pro-preview-05-06": "gemini-3.1-pro-preview",
    "gemini-2.5-pro-preview-06-05": "gemini-3.1-pro-preview",
    "gemini-2.5-flash-preview-04-17": "gemini-2.5-flash",
    "gemini-2.5-flash-preview-05-20": "gemini-2.5-flash",
    "gemini-2.5-flash-preview-09-2025": "gemini-2.5-flash",
    "gemini-2.5-flash-lite-preview-06-17": "gemini-2.5-flash-lite",
    "gemini-2.5-flash-image-preview": "gemini-2.5-flash-image",
    // Gemini 2.5 Pro and Flash (1 December 2026); 2.5 Flash-Lite is still served.
    "gemini-2.5-pro": "gemini-3.8-flash",
    "gemini-2.5-flash": "gemini-3.5-flash-lite",
    "gemini-2.5-flash-image": "gemini-3.1-flash-image",
    // Gemini 3 previews (March – June 2026) and deprecated 3.x Flash (8 October 2026).
    "gemini-3-pro-preview": "gemini-3.1-pro-preview",
    "gemini-3.1-flash-lite-preview": "gemini-3.1-flash-lite",
    "gemini-3.1-flash-image-preview": "gemini-3.1-flash-image",
    "gemini-3-pro-image-preview": "gemini-3-pro-image",
    "gemini-3.5-flash": "gemini-3.6-flash",
    "gemini-3.7-flash": "gemini-3.8-flash",
    "gemini-robotics-er-1.5-preview": "gemini-robotics-er-1.6-preview",
    "gemini-robotics-er-1.6-preview": "gemini-robotics-er-2-preview",
    // Imagen (17 August 2026): Nano Banana.
    "imagen-*": "gemini-3.1-flash-image",
    // Embeddings (October 2025, 14 January 2026).
    "embedding-001": "gemini-embedding-001",
    "text-embedding-004": "gemini-embedding-001",
  }),
});
