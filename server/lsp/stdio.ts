// The --stdio transport. vscode-languageserver's own drops a message it cannot read (a header block without
// Content-Length, a body that is not JSON) without a word; this one says so in the editor's log. Like the
// library's, it sends console output to that log (stdout carries the protocol) and ends the process when the
// editor closes stdin.
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';

export function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  reader.onError((e) => connection.console.error(`Policy Lens: dropped a message from the editor that it could not read (${e.message.split('\n')[0]})`));
  reader.onPartialMessage((info) => connection.console.warn(`Policy Lens: still waiting for the rest of a message after ${Math.round(info.waitingTime / 1000)} s (does its Content-Length match its body?)`));
  for (const level of ['log', 'info', 'debug', 'dir'] as const) console[level] = (...args: unknown[]) => connection.console.log(format(...args));
  // the editor went away without `exit`: so does the server (the exit notification ends it with 0 itself)
  reader.onClose(() => process.exit(1));
  return connection;
}
