// Entry of dist/index-worker.js: a worker thread that indexes one folder. The engine comes from the
// server's own core bundle, so it is not shipped twice.
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type * as Core from './core';

const core = require(join(__dirname, 'server-core.js')) as typeof Core;
if (parentPort) core.serveIndexRequest(parentPort);
