import { runInNewContext } from 'node:vm';
import ChipChat from 'chipchat';

const bot = new ChipChat({ token: process.env.TOKEN });

interface Payload { text: string }

bot.on('message.create.agent.command', (msg: Payload, ctx: { say(t: string): void }) => {
  const snippet = msg.text.replace(/^>js\s+/, '');
  // ruleid: dynamic-code-execution messageId=network col=15
  const out = runInNewContext(snippet, { Math });
  ctx.say(String(out));
});

export function constant(): number {
  // ok: dynamic-code-execution
  return runInNewContext('6 * 7');
}
