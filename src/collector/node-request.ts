// The collector on Node's `http`: an IncomingMessage read as a CollectorRequest, and an Answer
// written to the ServerResponse. A body nobody read is drained, so the connection can be reused.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyTooLarge, decodeUtf8, type Answer, type CollectorRequest } from './request.js';

export function fromNode(req: IncomingMessage): CollectorRequest & { drain(): void } {
  return {
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', 'http://collector.invalid'),
    header(name) {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    remoteAddress: req.socket.remoteAddress ?? 'unknown',
    localAddress: req.socket.localAddress ?? '',
    text(limit) {
      if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(bodyTooLarge(limit));
      return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) {
            reject(bodyTooLarge(limit));
            req.resume();
            return;
          }
          chunks.push(chunk);
        });
        req.on('end', () => {
          try {
            resolve(decodeUtf8(Buffer.concat(chunks)));
          } catch (error) {
            reject(error);
          }
        });
        req.on('error', reject);
      });
    },
    drain: () => void req.resume(),
  };
}

export function writeAnswer(res: ServerResponse, { status, body, headers }: Answer): void {
  if (res.headersSent) return;
  res.writeHead(status, headers);
  res.end(body === null ? undefined : JSON.stringify(body));
}
