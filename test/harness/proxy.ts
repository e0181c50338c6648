import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * A load balancer in miniature, for topology tests: HTTP requests and
 * WebSocket upgrades go round-robin to the backends, and a backend that
 * refuses the connection is skipped (failover), as nginx's upstream does.
 */
export class RoundRobinProxy {
  private server: http.Server;
  private nextRequest = 0;
  private nextUpgrade = 0;
  private readonly sockets = new Set<net.Socket | Duplex>();
  /** The backend (index) each WebSocket upgrade went to, in order. */
  readonly upgrades: number[] = [];
  port = 0;

  constructor(readonly backends: number[]) {
    this.server = http.createServer((req, res) => void this.forward(req, res));
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Backends to try, starting with the next in turn. */
  private order(start: number): number[] {
    return this.backends.map((_, i) => (start + i) % this.backends.length);
  }

  private async forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (const index of this.order(this.nextRequest++)) {
      const answered = await new Promise<boolean>((resolve) => {
        const upstream = http.request(
          { host: '127.0.0.1', port: this.backends[index], method: req.method, path: req.url, headers: req.headers },
          (response) => {
            res.writeHead(response.statusCode ?? 502, response.headers);
            response.pipe(res);
            resolve(true);
          },
        );
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED') resolve(false);
          else if (!res.headersSent) resolve(false);
          else res.destroy();
        });
        upstream.end(body);
      });
      if (answered) return;
    }
    res.writeHead(502).end('no backend');
  }

  private upgrade(req: http.IncomingMessage, client: Duplex, head: Buffer): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    const candidates = this.order(this.nextUpgrade++);
    const tryNext = () => {
      const index = candidates.shift();
      if (index === undefined) return client.destroy();
      const upstream = net.connect(this.backends[index]!, '127.0.0.1');
      upstream.once('error', () => {
        upstream.destroy();
        tryNext();
      });
      upstream.once('connect', () => {
        this.upgrades.push(index);
        this.sockets.add(upstream);
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        upstream.on('close', () => {
          this.sockets.delete(upstream);
          client.end();
        });
        client.on('close', () => upstream.destroy());
        const lines = [`${req.method} ${req.url} HTTP/1.1`];
        for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
        upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
    };
    tryNext();
  }
}
