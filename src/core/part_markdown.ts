/**
 * Parts that are neither text, thought nor function call, shown as Markdown in dialects whose
 * answers are text only: code the model ran, its output, and generated images.
 * @module
 */

import type { CodeExecutionResult, ExecutableCode, Part } from "../gemini/types.ts";

function fence(info: string, body: string): string {
  return `\`\`\`${info}\n${body}${body.endsWith("\n") || body === "" ? "" : "\n"}\`\`\`\n`;
}

function codeBlock(code: ExecutableCode): string {
  const language = code.language === "LANGUAGE_UNSPECIFIED" ? "" : code.language.toLowerCase();
  return fence(language, code.code);
}

function outputBlock(result: CodeExecutionResult): string {
  const failed = result.outcome && result.outcome !== "OUTCOME_OK" ? `${result.outcome}\n` : "";
  return fence("output", failed + (result.output ?? ""));
}

/** The Markdown block `part` shows as, if any; each block ends with a newline. */
export function partMarkdown(part: Part): string | undefined {
  if (part.executableCode) return codeBlock(part.executableCode);
  if (part.codeExecutionResult) return outputBlock(part.codeExecutionResult);
  if (part.inlineData?.mimeType.startsWith("image/")) {
    return `![image](data:${part.inlineData.mimeType};base64,${part.inlineData.data})\n`;
  }
  return undefined;
}
