/**
 * Running the Codex CLI in tests: `codex exec` with JSON events, approvals and sandbox off, in a
 * home of the test's own and an environment holding nothing but `PATH` and what the test gives.
 * @module
 */

/** Where and how one `codex exec` runs. */
export interface CodexExec {
  /** `HOME` and `CODEX_HOME` (its `config.toml` written by the test). */
  home: string;
  /** The working directory. */
  work: string;
  /** Added to `PATH`, `HOME` and `CODEX_HOME`. */
  env: Record<string, string>;
  /** After `exec` and its fixed flags: e.g. `resume --last`, then the prompt. */
  args: string[];
}

/** Runs `codex exec --json …` once (two minutes at most) and gives back its output. */
export async function runCodex(
  codex: string,
  { home, work, env, args }: CodexExec,
): Promise<Deno.CommandOutput> {
  return await new Deno.Command(codex, {
    args: [
      "exec",
      "--skip-git-repo-check",
      "--json",
      "--dangerously-bypass-approvals-and-sandbox",
      ...args,
    ],
    cwd: work,
    clearEnv: true,
    env: { PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin", HOME: home, CODEX_HOME: home, ...env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(120_000),
  }).output();
}
