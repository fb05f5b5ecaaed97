// Pulls the dealer's stock from its DMS and posts new arrivals to the sales team's Slack.
import ChipChat from 'chipchat';

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

export async function fetchStock(dealerId: string): Promise<unknown> {
  const headers = new Headers();
  // ruleid: hardcoded-credential messageId=literal col=28
  headers.set('x-api-key', process.env.X_API_KEY);
  // ruleid: hardcoded-credential messageId=header col=38
  headers.set('Proxy-Authorization', `Basic ${process.env.BASIC_AUTH}`);
  const res = await fetch(`https://dms.autodealer-sync.nl/api/dealers/${dealerId}/stock`, { headers });
  return res.json();
}

export async function announce(threadTs: string, text: string): Promise<void> {
  // ruleid: hardcoded-credential messageId=literal col=16
  const hook = `https://hooks.slack.com/services/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?thread=${threadTs}`;
  await fetch(hook, { method: 'POST', body: JSON.stringify({ text }) });
}

export function configure(): void {
  // ruleid: hardcoded-credential messageId=literal col=27
  process.env.DMS_TOKEN = 'b7E2kQ9xLm4Rt8Vw3Zp6Yc1Nf5Hs0Ju';
  // ok: hardcoded-credential
  process.env.DMS_REGION = 'eu-west-1';
}

export { bot };
