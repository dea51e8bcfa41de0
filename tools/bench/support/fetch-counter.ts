import { createServer, request as httpRequest, Agent, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** One GraphQL request a gateway sent a subgraph, as it arrived at the subgraph's door. */
export interface SubgraphRequest {
  subgraph: string;
  body: { query: string; variables?: Record<string, unknown> };
}

/**
 * Subgraph fetches per operation, counted at the subgraphs' doors the same way for every gateway: a
 * pass-through proxy in front of each subgraph URL counts the GraphQL POSTs it forwards and, while recording,
 * keeps what they carried. Used only in untimed passes (their own gateway processes point at the proxies), so
 * the timed runs carry no proxy hop.
 */
export class FetchCounter {
  private readonly servers: Server[] = [];
  private readonly agent = new Agent({ keepAlive: true });
  private readonly counts: Record<string, number> = {};
  private recorded: SubgraphRequest[] | undefined;

  /** The environment with every SUBGRAPH_URL_<NAME> replaced by its counting proxy. */
  async proxiedEnv(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
    const proxied: NodeJS.ProcessEnv = { ...env };
    for (const [name, value] of Object.entries(env)) {
      if (!name.startsWith('SUBGRAPH_URL_') || !value) continue;
      const subgraph = name.slice('SUBGRAPH_URL_'.length).toLowerCase().replace(/_/g, '-');
      const urls = await Promise.all(value.split(',').map((url) => this.proxy(subgraph, new URL(url.trim()))));
      proxied[name] = urls.join(',');
    }
    return proxied;
  }

  private async proxy(subgraph: string, target: URL): Promise<string> {
    const server = createServer((incoming, outgoing) => {
      if (incoming.method === 'POST' && incoming.url === target.pathname) {
        this.counts[subgraph] = (this.counts[subgraph] ?? 0) + 1;
        if (this.recorded) this.keep(subgraph, incoming, this.recorded);
      }
      const forwarded = httpRequest(
        { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers, agent: this.agent },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      incoming.pipe(forwarded);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`;
  }

  /** Reads the body alongside the pipe that forwards it; the request is listed once it has all arrived. */
  private keep(subgraph: string, incoming: NodeJS.ReadableStream, into: SubgraphRequest[]): void {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => into.push({ subgraph, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
  }

  /** Fetches per subgraph since the last reset. */
  take(): Record<string, number> {
    const taken = { ...this.counts };
    for (const name of Object.keys(this.counts)) delete this.counts[name];
    return taken;
  }

  /** Keeps every request forwarded from now until `stopRecording`. */
  startRecording(): void {
    this.recorded = [];
  }

  /** The requests forwarded since `startRecording`, in the order their bodies arrived. */
  stopRecording(): SubgraphRequest[] {
    const recorded = this.recorded ?? [];
    this.recorded = undefined;
    return recorded;
  }

  async close(): Promise<void> {
    this.agent.destroy();
    await Promise.all(this.servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
