import type ChipChat from 'chipchat';
import { appointmentsFor, forgetContact, saveAppointment, type Db } from './db';

const SLOTS = ['ma 09:00', 'ma 13:30', 'di 10:00', 'wo 15:00', 'do 08:30'];
const BOOKING = /afspraak|onderhoud|apk|service|beurt/i;

export class ServiceDesk {
  private readonly workshopChannel = process.env.WORKSHOP_CONVERSATION ?? '';

  constructor(private readonly chat: ChipChat, private readonly db: Db) {}

  register(): void {
    this.chat.on('message.create.contact.chat', (message: any, conversation: any) => this.onCustomerMessage(message, conversation));
    this.chat.on('contact.delete', (payload: any) => forgetContact(this.db, payload.data.contact._id));
    this.chat.on('error', (err: any) => console.error('chipchat error', err.message));
  }

  private async onCustomerMessage(message: any, conversation: any): Promise<void> {
    if (!BOOKING.test(message.text)) return;
    const contact = await this.chat.contacts.get(conversation.contact);
    console.log(`booking request from ${contact.name} <${contact.email}> ${contact.telephone}`);
    conversation.ask({ text: 'Wat is het kenteken van uw auto?', role: 'agent' }, (answer: any) => {
      const plate = String(answer.text).toUpperCase().replace(/[^A-Z0-9]/g, '');
      conversation.ask({ text: `Welk moment past u? ${SLOTS.join(', ')}`, role: 'agent' }, async (choice: any) => {
        const slot = SLOTS.find((s) => String(choice.text).toLowerCase().includes(s.slice(3))) ?? SLOTS[0]!;
        await saveAppointment(this.db, {
          conversationId: conversation.id,
          contactId: contact._id,
          name: contact.name,
          phone: contact.telephone,
          licensePlate: plate,
          slot,
        });
        await conversation.set('appointment', slot);
        await conversation.say({ text: `Top, u staat ingepland op ${slot}. Tot dan!`, role: 'agent' });
      });
    });
  }

  async sendDailyOverview(): Promise<void> {
    if (!this.workshopChannel) return;
    const day = SLOTS[new Date().getDay() % SLOTS.length]!.slice(0, 2);
    const booked = await appointmentsFor(this.db, day);
    const lines = booked.map((a) => `${a.slot} ${a.licensePlate} (${a.name})`);
    await this.chat.send(this.workshopChannel, { text: `Planning ${day}:\n${lines.join('\n') || 'geen afspraken'}`, role: 'bot' });
  }
}
