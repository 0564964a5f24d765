import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

export interface Child {
  readonly process: ChildProcess;
  readonly lines: string[];
  /** Resolves with the signal or exit code when the process ends. */
  readonly exited: Promise<NodeJS.Signals | number | null>;
}

/** Runs a TypeScript script of ours in a real child process (through tsx), collecting its output lines. */
export function spawnScript(script: string, args: unknown): Child {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '..', script), JSON.stringify(args)],
    {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      if (stderr.trim()) lines.push(`stderr: ${stderr.trim()}`);
      resolve(signal ?? code);
    }),
  );
  return { process: child, lines, exited };
}

export async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await child.exited;
  clearTimeout(timer);
}
