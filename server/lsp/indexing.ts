// Indexing a folder's closed files in a worker thread: parsing and analysing thousands of files takes
// seconds, and the editor's requests must not wait behind it. The worker runs the same engine on the texts
// the main thread loaded and hands back plain per-file results, which the main engine takes over.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type MessagePort } from 'node:worker_threads';
import { allRules } from '../../rules/index';
import { Engine, type PortableResult } from '../../rules/src/engine';
import { configResolver } from '../../rules/src/node/load-project';

export interface IndexRequest {
  root: string;
  files: Map<string, string>;
  paths: string[];
  now: string;
}

/** `results` come in slices (`last` on the final one): one message of every file's results was a serialised copy of them all at once. */
type WorkerMessage = { progress: [number, number] } | { results: PortableResult[]; last: boolean } | { error: string };

/** Files' results per message from the worker. */
const RESULTS_PER_MESSAGE = 100;

/** The worker's script next to this bundle (dist/index-worker.js); absent when running from sources. */
export function indexWorkerScript(): string | undefined {
  const script = join(__dirname, 'index-worker.js');
  return existsSync(script) ? script : undefined;
}

export interface Indexing {
  done: Promise<PortableResult[]>;
  cancel(): void;
}

/**
 * The worker's heap is capped near what the index needs (about 30 KiB a file kept, plus the engine):
 * uncapped, V8 lets garbage pile up and the server's peak memory doubles. A worker that runs out
 * anyway fails, and the folder is indexed in the server's own thread instead.
 */
function heapLimitsFor(files: number): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  return { maxOldGenerationSizeMb: Math.round(128 + files * 0.04), maxYoungGenerationSizeMb: 16 };
}

/**
 * Starts indexing in a worker; rejects when the worker fails (the caller then indexes in its own thread).
 * Settles only once the worker has stopped: until then its heap is still there, and a server reporting
 * itself indexed (and idle) with the worker's memory still held measured up to 100 MiB more on a busy machine.
 */
export function indexInWorker(script: string, request: IndexRequest, onProgress: (done: number, total: number) => void): Indexing {
  const worker = new Worker(script, { resourceLimits: heapLimitsFor(request.files.size) });
  let settled = false;
  const done = new Promise<PortableResult[]>((resolve, reject) => {
    const results: PortableResult[] = [];
    const finish = (outcome: () => void) => {
      settled = true;
      worker.terminate().then(outcome, outcome);
    };
    worker.on('message', (m: WorkerMessage) => {
      if ('progress' in m) onProgress(...m.progress);
      else if ('results' in m) {
        for (const r of m.results) results.push(r);
        if (m.last) finish(() => resolve(results));
      } else finish(() => reject(new Error(m.error)));
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the indexing worker stopped (exit code ${code})`));
    });
  });
  worker.postMessage(request);
  return {
    done,
    cancel: () => {
      settled = true;
      void worker.terminate();
    },
  };
}

/** The worker's side: one request, one answer. */
export function serveIndexRequest(port: MessagePort): void {
  port.once('message', (req: IndexRequest) => {
    try {
      const engine = new Engine(allRules);
      const { configFor } = configResolver(req.files, engine.ruleIds);
      engine.run({ root: req.root, files: req.files, paths: req.paths, configFor, now: new Date(req.now), progress: (done, total) => port.postMessage({ progress: [done, total] }) });
      const files = [...req.files.keys()];
      for (let i = 0; i < files.length || i === 0; i += RESULTS_PER_MESSAGE) {
        port.postMessage({ results: engine.exportResults(files.slice(i, i + RESULTS_PER_MESSAGE)), last: i + RESULTS_PER_MESSAGE >= files.length });
      }
    } catch (e) {
      port.postMessage({ error: (e as Error).message });
    }
  });
}
