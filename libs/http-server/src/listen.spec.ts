import express from 'express';
import { Agent, request } from 'node:http';
import { listen, ListeningServer, SERVER_HEADERS_TIMEOUT_MS, SERVER_KEEP_ALIVE_TIMEOUT_MS, serverTimeoutsFrom } from './listen';

function get(port: number, path: string, agent: Agent): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('listen', () => {
  let server: ListeningServer | undefined;
  afterEach(async () => {
    await server?.close(100);
    server = undefined;
  });

  it('keeps idle connections longer than Node’s 5 s default, with headersTimeout above keepAliveTimeout', () => {
    const timeouts = serverTimeoutsFrom({});
    expect(timeouts.keepAliveTimeoutMs).toBe(SERVER_KEEP_ALIVE_TIMEOUT_MS);
    expect(timeouts.keepAliveTimeoutMs).toBeGreaterThan(5_000);
    expect(timeouts.headersTimeoutMs).toBe(SERVER_HEADERS_TIMEOUT_MS);
    expect(timeouts.headersTimeoutMs).toBeGreaterThan(timeouts.keepAliveTimeoutMs);
    expect(serverTimeoutsFrom({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '2000' }).headersTimeoutMs).toBeGreaterThan(2000);
  });

  it('announces its keep-alive timeout so clients retire sockets before the server does', async () => {
    const app = express();
    app.get('/ping', (_req, res) => void res.send('pong'));
    server = await listen(app, '127.0.0.1', 0);
    const announced = await new Promise<string | undefined>((resolve, reject) => {
      const agent = new Agent({ keepAlive: true });
      request({ host: '127.0.0.1', port: server!.port, path: '/ping', agent }, (res) => {
        res.resume();
        res.on('end', () => {
          agent.destroy();
          const header = res.headers['keep-alive'];
          resolve(Array.isArray(header) ? header.join(', ') : header);
        });
      })
        .on('error', reject)
        .end();
    });
    expect(announced).toBe(`timeout=${SERVER_KEEP_ALIVE_TIMEOUT_MS / 1000}`);
  });

  it('with a shutdown linger, still answers on a kept-alive connection after close (closing it behind the answer) and refuses new connections', async () => {
    const app = express();
    app.get('/ping', (_req, res) => void res.send('pong'));
    const listening = await listen(app, '127.0.0.1', 0, { ...serverTimeoutsFrom({}), shutdownLingerMs: 2_000 });
    const kept = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(listening.port, '/ping', kept)).status).toBe(200);
    const stopped = listening.close(1_000);
    // Without the linger this kept-alive connection is closed at once: a request written onto it then may be lost.
    const afterClose = await get(listening.port, '/ping', kept);
    expect(afterClose).toEqual({ status: 200, body: 'pong', connection: 'close' });
    await expect(get(listening.port, '/ping', new Agent({ keepAlive: false }))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await stopped;
    kept.destroy();
  });

  it('lets a request in flight finish on shutdown, refuses new connections and closes the kept-alive one', async () => {
    const app = express();
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived: () => void = () => undefined;
    const slowArrived = new Promise<void>((resolve) => (arrived = resolve));
    app.get('/slow', async (_req, res) => {
      arrived();
      await released;
      res.send('finished');
    });
    server = await listen(app, '127.0.0.1', 0);
    const { port } = server;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });

    const inFlight = get(port, '/slow', agent);
    await slowArrived;
    const closed = server.close(5_000);
    server = undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(get(port, '/slow', new Agent())).rejects.toThrow(/ECONNREFUSED/);
    release();

    const answer = await inFlight;
    expect(answer).toEqual({ status: 200, body: 'finished', connection: 'close' });
    await closed;
    agent.destroy();
  });
});
