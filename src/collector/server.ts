// The standalone server around a collector (`mutual-collector`): timeouts and connection caps, so
// thousands of half-sent requests from one address cannot take the collector from everyone else.
import { createServer, type Server } from 'node:http';
import type { Collector } from './create-collector.js';

export interface ServerLimits {
  /** Time to receive a request's headers (ms). Default 10 s. */
  headersTimeoutMs?: number;
  /** Time to receive a whole request (ms). Default 30 s. */
  requestTimeoutMs?: number;
  /** A kept-alive connection with nothing to do closes after this (ms). Default 5 s. */
  idleTimeoutMs?: number;
  /** Open connections in total. Default 2,000. */
  maxConnections?: number;
  /** Open connections per client address. Default 64. */
  maxConnectionsPerAddress?: number;
}

export function createCollectorServer(collector: Collector, limits: ServerLimits = {}): Server {
  const {
    headersTimeoutMs = 10_000,
    requestTimeoutMs = 30_000,
    idleTimeoutMs = 5_000,
    maxConnections = 2_000,
    maxConnectionsPerAddress = 64,
  } = limits;
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      keepAliveTimeout: idleTimeoutMs,
      // How often Node looks for requests past those timeouts (its default, 30 s, is too slow).
      connectionsCheckingInterval: Math.min(1_000, headersTimeoutMs),
    },
    (req, res) => collector(req, res),
  );
  // A request line or headers past Node's limit (100,000 `subject=`, say): a clear 431 with a JSON
  // error, then the rest of what the client sends is read and dropped before the connection
  // closes — closing while it still sends would reset it, and the client would see no answer.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const answer = (status: string, message: string) => {
      const body = JSON.stringify({ error: message });
      return (
        `HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
      );
    };
    if (error.code !== 'HPE_HEADER_OVERFLOW') {
      // As Node does by default: a stalled or malformed request is answered and closed at once.
      const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
      socket.write(
        answer(
          timedOut ? '408 Request Timeout' : '400 Bad Request',
          timedOut ? 'request timeout' : 'malformed HTTP request',
        ),
      );
      return void socket.destroy();
    }
    socket.end(
      answer(
        '431 Request Header Fields Too Large',
        'the request line or headers are too large (a query of at most about 16 KB: ask for fewer subjects at a time)',
      ),
    );
    socket.on('data', () => {});
    socket.resume();
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
  server.maxConnections = maxConnections;
  server.setTimeout(requestTimeoutMs);
  const perAddress = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const open = (perAddress.get(address) ?? 0) + 1;
    if (open > maxConnectionsPerAddress) return void socket.destroy();
    perAddress.set(address, open);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  });
  return server;
}
