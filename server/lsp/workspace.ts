// Which Project checks a file: the deepest workspace folder containing it; for a file outside every
// folder (an editor opened on one file), the nearest folder above it that looks like an app.
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Rule } from '../../rules/src/rule';
import { Project, type IndexingOptions } from './project';

const APP_MARKERS = ['web1on1-app.json', 'package.json', '.git'];

export class Workspace {
  private folders: Project[] = [];
  private loose = new Map<string, Project>();

  constructor(
    private readonly rules: readonly Rule[],
    private readonly now: () => Date = () => new Date(),
    private readonly indexing: IndexingOptions = {},
  ) {}

  addFolder(path: string): void {
    if (this.folders.some((p) => p.root === path)) return;
    this.folders.push(new Project(path, this.rules, this.now, this.indexing));
    // a loose project inside the new folder is now the folder's business
    for (const root of [...this.loose.keys()]) if (this.folders.some((f) => f.contains(root))) this.loose.delete(root);
  }

  removeFolder(path: string): void {
    this.folders = this.folders.filter((p) => p.root !== path);
  }

  projectFor(path: string): Project {
    let best: Project | undefined;
    for (const p of this.folders) if (p.contains(path) && (!best || p.root.length > best.root.length)) best = p;
    if (best) return best;
    const root = guessRoot(path);
    let p = this.loose.get(root);
    // a folder is read whole only when it looks like an app: `file:///` must not make the server walk the disk
    if (!p) this.loose.set(root, (p = new Project(root, this.rules, this.now, this.indexing, root !== path || !isFolder(path))));
    return p;
  }

  /** Every project that exists now (folders first). */
  all(): Project[] {
    return [...this.folders, ...this.loose.values()];
  }

  /** Whether `p` is a workspace folder's project (not the guessed root of a file opened from elsewhere). */
  isFolder(p: Project): boolean {
    return this.folders.includes(p);
  }

  /** Projects a change to `path` concerns (a file can sit in nested workspace folders). */
  containing(path: string): Project[] {
    return this.all().filter((p) => p.contains(path));
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function guessRoot(file: string): string {
  let dir = dirname(file);
  for (let i = 0; i < 32; i++) {
    if (APP_MARKERS.some((m) => existsSync(`${dir}/${m}`))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return file;
}
