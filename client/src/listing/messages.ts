// The messages between the listing preview's webview and the extension. Everything arriving from the
// webview is untrusted input (its page renders workspace text): it is parsed here into one of a few
// shapes that carry indexes into the extension's own model, never a path or a URL to act on.
import type { ListingModel } from '../../../server/lsp/protocol';

/** How the icon shows: a webview resource URI, or why it does not (a placeholder shows instead). */
export type IconView = { src: string } | { problem?: string };

/** Every message names the manifest, so the webview's saved state can restore the panel. */
export type ToWebview = { manifestUri: string } & ({ type: 'model'; model: ListingModel; icon: IconView } | { type: 'message'; text: string });

export type FromWebview =
  | { type: 'ready' }
  | { type: 'openManifest' }
  /** The n-th entry of the model's `links`. */
  | { type: 'openLink'; index: number }
  /** The n-th finding under clause `clause` of the model's checklist. */
  | { type: 'openFinding'; clause: string; index: number }
  /** The n-th place of the model's `codeEvidence.lost` (where the analysis lost the SDK instance). */
  | { type: 'openLostPlace'; index: number };

/** What the webview keeps with setState: enough to restore the panel after a window reload. */
export interface PreviewState { manifestUri: string; last?: ToWebview }

const index = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1000;

export function parseFromWebview(m: unknown): FromWebview | undefined {
  if (!m || typeof m !== 'object') return undefined;
  const o = m as Record<string, unknown>;
  switch (o['type']) {
    case 'ready':
    case 'openManifest':
      return { type: o['type'] };
    case 'openLink':
    case 'openLostPlace':
      return index(o['index']) ? { type: o['type'], index: o['index'] } : undefined;
    case 'openFinding':
      return index(o['index']) && typeof o['clause'] === 'string' && /^[A-F]\.\d{1,2}$/.test(o['clause']) ? { type: 'openFinding', clause: o['clause'], index: o['index'] } : undefined;
    default:
      return undefined;
  }
}

/** The manifest a restored panel showed; undefined unless it is a file: URI of a web1on1-app.json. */
export function manifestUriOfState(state: unknown): string | undefined {
  const u = state && typeof state === 'object' ? (state as Record<string, unknown>)['manifestUri'] : undefined;
  if (typeof u !== 'string' || u.length > 4096) return undefined;
  return /^file:\/\/[^?#]*\/web1on1-app\.json$/.test(u) ? u : undefined;
}

/** A link target the extension may open: https URLs and mailto addresses, nothing else. */
export function openableHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  if (/^mailto:[^\s@<>?#]+@[^\s@<>?#]+$/i.test(href)) return href;
  try {
    const u = new URL(href);
    return u.protocol === 'https:' && !u.username && !u.password ? u.href : undefined;
  } catch {
    return undefined;
  }
}
