import type ChipChat from 'chipchat';
import { book, freeSlots } from './workshop';

export function registerFlows(bot: ChipChat): void {
  bot.registerCallback('pickSlot', async (message: any, conversation: any) => {
    const slots = conversation.get('slots') as { id: string; label: string }[];
    const choice = slots[Number.parseInt(message.text, 10) - 1];
    if (!choice) {
      return conversation.ask({ text: 'Kies een nummer uit de lijst, alstublieft.', role: 'agent' }, 'pickSlot');
    }
    await book(choice.id, conversation.get('plate'), conversation.id);
    await conversation.say({ text: `Top, u staat ingepland op ${choice.label}. Tot dan!`, role: 'agent' });
    return conversation.leave();
  });

  bot.on('message.create.contact.chat', async (message: any, conversation: any) => {
    if (!/afspraak|inplannen|ja/i.test(message.text ?? '')) return;
    const slots = await freeSlots();
    conversation.set('slots', slots.slice(0, 5));
    const list = slots.slice(0, 5).map((s, i) => `${i + 1}. ${s.label}`).join('\n');
    return conversation.ask({ text: `Wanneer komt het u uit?\n${list}`, role: 'agent' }, 'pickSlot');
  });
}
