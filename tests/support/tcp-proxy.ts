import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './server-process';

/**
 * A TCP proxy between the server nodes and a service (PostgreSQL), so a test can make the
 * service unreachable without touching it: `cut()` drops every open connection and refuses new
 * ones (nothing listens on the port), `resume()` listens again on the same port.
 */
export interface TcpProxy {
  port: number;
  /** Connections accepted since the proxy started. */
  accepted(): number;
  cut(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const port = await freePort();
  const open = new Set<Socket>();
  let accepted = 0;
  let server: Server | undefined;

  function pipe(client: Socket): void {
    accepted += 1;
    const upstream = createConnection(target);
    open.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  async function start(): Promise<void> {
    server = createServer(pipe);
    await listen(server, port);
  }

  async function stop(): Promise<void> {
    const running = server;
    server = undefined;
    const closed = running
      ? new Promise<void>((resolve) => running.close(() => resolve()))
      : Promise.resolve();
    for (const socket of open) socket.destroy();
    open.clear();
    await closed;
  }

  await start();
  return { port, accepted: () => accepted, cut: stop, resume: start, close: stop };
}
