import type { ts } from '../../src/ts';
import { CodeSinks, type CodeSink } from '../../src/model/code-sinks';
import type { FileModel } from '../../src/model/file-model';

interface Shared {
  sinks: CodeSinks;
  node: ts.Node | undefined;
  sink: CodeSink | undefined;
}

const byModel = new WeakMap<FileModel, Shared>();

/**
 * The sink a call or `new` is, with one CodeSinks per file for dynamic-code-execution and
 * obfuscated-payload: both ask about the same node one after the other (the engine hands each node
 * to every rule before the next), so remembering the last answer halves the work. Callers must not
 * mutate the sink.
 */
export function sinkOf(model: FileModel, node: ts.Node): CodeSink | undefined {
  let shared = byModel.get(model);
  if (!shared) byModel.set(model, (shared = { sinks: new CodeSinks(model), node: undefined, sink: undefined }));
  if (shared.node !== node) {
    shared.sink = shared.sinks.sinkOf(node);
    shared.node = node;
  }
  return shared.sink;
}
