// Dealer website: the widget command comes from another module, so no literal here spells it.
import { FAKE_AGENT, OPEN } from './commands';

declare const web1on1: (command: string, ...args: unknown[]) => void;

export function teaser(): void {
  // ruleid: impersonation messageId=fakeAgent col=3
  web1on1(FAKE_AGENT, { text: 'Kan ik helpen?' });
  // ok: impersonation
  web1on1(OPEN);
}
