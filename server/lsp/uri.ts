// file: URIs ↔ the engine's absolute forward-slash paths.
import { fileURLToPath, pathToFileURL } from 'node:url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  return fileURLToPath(uri).replace(/\\/g, '/');
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
