// SHA-256 and HMAC with @noble/hashes rather than `node:crypto`: synchronous, as the collector's
// callers need, and the same in Node, Deno, Bun, workers and a browser tab (the in-browser store).
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const sha256Bytes = (text: string): Uint8Array => sha256(utf8ToBytes(text));
export const sha256Hex = (text: string): string => bytesToHex(sha256Bytes(text));
export const hmacSha256Hex = (secret: string, text: string): string =>
  bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(text)));

/** Equal bytes, in a time that depends only on the length (secrets are compared with it). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
