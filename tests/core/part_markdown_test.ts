import assert from "node:assert/strict";
import { partMarkdown } from "../../src/core/part_markdown.ts";

Deno.test("code, its output and images become Markdown blocks; text does not", () => {
  assert.equal(
    partMarkdown({ executableCode: { language: "PYTHON", code: "print(1)" } }),
    "```python\nprint(1)\n```\n",
  );
  assert.equal(
    partMarkdown({ codeExecutionResult: { outcome: "OUTCOME_FAILED", output: "boom\n" } }),
    "```output\nOUTCOME_FAILED\nboom\n```\n",
  );
  assert.equal(
    partMarkdown({ inlineData: { mimeType: "image/png", data: "AAAA" } }),
    "![image](data:image/png;base64,AAAA)\n",
  );
  assert.equal(partMarkdown({ text: "hi" }), undefined);
});
