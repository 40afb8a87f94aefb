// A request as the collector reads it and the answer it gives, whatever server brought it: Node's
// `http` (node-request.ts) or a standard fetch handler (`Request → Response`: Deno, Bun, workers,
// a browser tab). The routes know only these two shapes.
import { HttpError } from './http.js';

export interface CollectorRequest {
  readonly method: string;
  readonly url: URL;
  /** A header's value (lowercase name), or undefined. */
  header(name: string): string | undefined;
  /** The connection's peer, as the socket or the runtime saw it ('unknown' when it does not say). */
  readonly remoteAddress: string;
  /** The address the connection arrived on: localhost is trusted only on loopback. */
  readonly localAddress: string;
  /** The body as text: 413 past `limit` bytes, 400 for ill-formed UTF-8. */
  text(limit: number): Promise<string>;
}

export interface Answer {
  status: number;
  /** JSON; `null` for no body (a preflight). */
  body: unknown;
  headers: Record<string, string>;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  body,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
});

export const bodyTooLarge = (limit: number) => new HttpError(413, `body larger than ${limit} bytes`);
export const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text, refusing ill-formed UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new HttpError(400, 'body is not valid UTF-8');
  }
}

/** What a fetch handler's runtime knows of the connection (Deno's `info.remoteAddr.hostname`, Bun's `server.requestIP`). */
export interface ConnectionInfo {
  remoteAddress?: string;
  localAddress?: string;
}

export function fromFetch(request: Request, info: ConnectionInfo = {}): CollectorRequest {
  const url = new URL(request.url);
  return {
    method: request.method,
    url,
    // A Request made in a page has no Host header: its URL says where it was addressed.
    header: (name) => request.headers.get(name) ?? (name === 'host' ? url.host : undefined),
    remoteAddress: info.remoteAddress ?? 'unknown',
    localAddress: info.localAddress ?? '',
    async text(limit) {
      if (Number(request.headers.get('content-length') ?? 0) > limit) throw bodyTooLarge(limit);
      if (!request.body) return '';
      const reader = request.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel().catch(() => {});
          throw bodyTooLarge(limit);
        }
        chunks.push(value);
      }
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.byteLength;
      }
      return decodeUtf8(bytes);
    },
  };
}

export const toResponse = ({ status, body, headers }: Answer): Response =>
  new Response(body === null ? null : JSON.stringify(body), { status, headers });
