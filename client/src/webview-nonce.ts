import { randomBytes } from 'node:crypto';

/** A fresh nonce for a webview's Content-Security-Policy (one per rendered page). */
export function nonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}
