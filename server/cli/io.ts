import { resolve } from 'node:path';

/** What the CLI touches of its process, injectable so tests can run it in-process. */
export interface CliIo {
  cwd: string;
  isTTY: boolean;
  color: boolean;
  out(text: string): void;
  err(line: string): void;
  progress(line: string): void;
  resolve(p: string): string;
  readStdin(): string;
}

export function processIo(): CliIo {
  const cwd = process.cwd();
  const tty = !!process.stderr.isTTY;
  return {
    cwd,
    isTTY: tty,
    color: !!process.stdout.isTTY && !process.env['NO_COLOR'],
    out: (t) => process.stdout.write(t),
    err: (l) => process.stderr.write(l + '\n'),
    progress: (l) => {
      if (tty) process.stderr.write(`\r${l}\u001b[K`);
    },
    resolve: (p) => resolve(cwd, p),
    readStdin: () => require('node:fs').readFileSync(0, 'utf8'),
  };
}
