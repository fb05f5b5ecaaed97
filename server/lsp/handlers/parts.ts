// What every handler module works with: the session and the state classes server.ts wires together.
import type { DocumentState } from '../documents';
import type { Publisher } from '../publisher';
import type { Scheduler } from '../scheduler';
import type { Session } from '../session';

export interface ServerParts {
  session: Session;
  docs: DocumentState;
  publisher: Publisher;
  scheduler: Scheduler;
}
