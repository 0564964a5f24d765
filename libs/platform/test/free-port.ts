// A TCP port free on loopback, for a server started a moment later (the launcher's `--ports auto`,
// infra/start.mjs, reads this file; and the tests).
//
// Not port 0's pick: the kernel takes that from the ephemeral range (ip_local_port_range, 32768–60999 on Linux),
// where every outgoing connection (to PostgreSQL, Kafka, another service) also takes its local port, so between
// the pick and the listen a client could take the port and the server would fail with EADDRINUSE. A random port
// below that range, checked free by binding it, has no such neighbour; another launcher picking the same port in
// the same instant is the only collision left (about one in ten thousand per pick).
import { createServer } from 'node:net';

const LOW = 20_000;
const HIGH = 32_767; // below Linux's and (49152+) Windows' and macOS's ephemeral ranges

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const taken = new Set<number>(); // handed out by this process: never twice

/** A loopback TCP port nothing listens on now, outside the ephemeral range. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW + 1));
    if (taken.has(port)) continue;
    if (await bindable(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`no free TCP port on 127.0.0.1 between ${LOW} and ${HIGH} after 200 tries`);
}
