import type { Express } from 'express';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ListeningServer {
  /** The bound port: the requested one, or the one the OS picked for port 0. */
  port: number;
  /** Stops accepting, drops idle keep-alive connections and resolves when the server is closed. */
  close(): Promise<void>;
}

/** Every HTTP endpoint of the platform (subgraphs, gateway) listens and stops the same way. */
export async function listen(app: Express, host: string, port: number): Promise<ListeningServer> {
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}
