import { runCli } from './rumija-cli';

/** For the CLI tests: runs `rumija <argv>` in process and returns its exit code and what it printed to each stream. */
export async function runCaptured(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
