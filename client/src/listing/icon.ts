// The app icon the listing names (`listing.icon`): a file in the workspace, read by the webview through
// asWebviewUri. Only a relative path to an image inside a workspace folder (after resolving symlinks)
// and of a sane size is shown; anything else gets the placeholder and a reason. No vscode import, so the
// checks are unit-tested on plain folders.
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const MAX_ICON_BYTES = 1024 * 1024;
const IMAGE_TYPES = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp']);

export type IconFile = { ok: true; path: string } | { ok: false; problem: string };

/** `value` as written in the manifest at `manifestDir`; `roots` are the workspace folders. */
export function resolveIcon(value: string | undefined, manifestDir: string, roots: readonly string[]): IconFile {
  if (value === undefined) return { ok: false, problem: 'no icon in the manifest (listing.icon)' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || isAbsolute(value) || value.startsWith('\\')) return { ok: false, problem: 'the icon must be a path relative to the manifest, to a file in the workspace' };
  if (!IMAGE_TYPES.has(extname(value).toLowerCase())) return { ok: false, problem: 'the icon must be a PNG, JPEG, GIF or WebP file' };
  let real: string;
  try {
    real = realpathSync(resolve(manifestDir, value));
  } catch {
    return { ok: false, problem: `${value} does not exist` };
  }
  const inside = roots.some((r) => {
    let root: string;
    try {
      root = realpathSync(r);
    } catch {
      return false;
    }
    const rel = relative(root, real);
    return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
  });
  if (!inside) return { ok: false, problem: 'the icon is outside the workspace, so it is not shown' };
  const st = statSync(real);
  if (!st.isFile()) return { ok: false, problem: `${value} is not a file` };
  if (st.size > MAX_ICON_BYTES) return { ok: false, problem: `${value} is ${(st.size / 1024 / 1024).toFixed(1)} MiB; icons over 1 MiB are not shown` };
  return { ok: true, path: real };
}
