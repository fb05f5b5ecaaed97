// file: URIs ↔ the engine's absolute forward-slash paths.
import { fileURLToPath, pathToFileURL } from 'node:url';

const WINDOWS = process.platform === 'win32';

/**
 * The path of a file: URI; undefined for other schemes and for URIs no file can have (an encoded `/`, a
 * foreign host, broken percent-encoding, a NUL byte). Never throws: URIs come from the client as they are.
 */
export function uriToPath(uri: string): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  // only Windows paths use backslashes as separators; elsewhere `%5C..%5C` is a file name, not a way up
  return WINDOWS ? path.replace(/\\/g, '/') : path;
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
