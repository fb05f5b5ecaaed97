// Dealer website: opens the Web1on1 chat widget with a teaser.
declare const Web1on1Widget: { showFakeAgentMessage(text: string, name: string): void; open(): void };
declare const web1on1: (command: string, ...args: unknown[]) => void;

export function teaser(page: string): void {
  if (page === '/occasions') {
    // ruleid: impersonation messageId=fakeAgent col=5
    Web1on1Widget.showFakeAgentMessage('Hoi, ik ben Sanne van verkoop. Vragen over deze auto?', 'Sanne');
  } else {
    // ruleid: impersonation messageId=fakeAgent col=5
    web1on1('showFakeAgentMessage', { text: 'Kan ik helpen?' });
  }
  // ok: impersonation
  Web1on1Widget.open();
}
