// Running a tool to completion from the infra scripts (Kafka's, PostgreSQL's and schemathesis' installers).
import { spawn } from 'node:child_process';

/** Runs a command to completion; resolves with stdout, rejects with its output on a non-zero exit. */
export function run(command, args, { cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (err) =>
      reject(err.code === 'ENOENT' ? new Error(`\`${command}\` is not on PATH`) : err),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else {
        const output = `${stdout}${stderr}`.trim().split('\n').slice(-40).join('\n');
        reject(
          new Error(
            `${command} ${args.filter((a) => !a.startsWith('-D')).join(' ')} exited with ${code}\n${output}`,
          ),
        );
      }
    });
  });
}
