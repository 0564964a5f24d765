// The command line of infra/postgres.mjs and infra/kafka.mjs:
//
//   node infra/<server>.mjs COMMAND [--data-dir DIR] [--port N] [--fresh]
//
// Each of them passes its commands to runCliWhenMain at its end; this file parses the options, picks the command,
// prints the usage for an unknown one and turns the outcome into the exit code.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OPTIONS_USAGE = '[--data-dir DIR] [--port N] [--fresh]';

/**
 * When the module at moduleUrl is the script node runs (not an import of it), runs `commands[COMMAND](options, log)`
 * and exits with the code it resolves to. An unknown command prints the usage and exits 2; an unknown option or a
 * command that throws prints `<name>: <message>` and exits 1.
 * @param {string} moduleUrl the calling module's import.meta.url
 * @param {string} name the server's name, which starts every line (`Kafka: ...`)
 * @param {Record<string, (options: { dataDir?: string, port?: number, fresh?: boolean }, log: (line: string) => void) => Promise<number>>} commands
 *   in the order the usage lists them
 */
export function runCliWhenMain(moduleUrl, name, commands) {
  const file = fileURLToPath(moduleUrl);
  if (!process.argv[1] || path.resolve(process.argv[1]) !== file) return;
  const [command, ...rest] = process.argv.slice(2);
  const log = (line) => console.log(`${name}: ${line}`);
  (async () => {
    const options = parseOptions(rest);
    if (!Object.hasOwn(commands, command)) {
      const usage = `node infra/${path.basename(file)} ${Object.keys(commands).join('|')} ${OPTIONS_USAGE}`;
      console.error(`usage: ${usage}`);
      return 2;
    }
    return commands[command](options, log);
  })().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`${name}: ${err.message}`);
      process.exit(1);
    },
  );
}

function parseOptions(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir') options.dataDir = argv[++i];
    else if (arg === '--port') options.port = Number.parseInt(argv[++i], 10);
    else if (arg === '--fresh') options.fresh = true;
    else throw new Error(`unknown option: ${arg}`);
  }
  return options;
}
