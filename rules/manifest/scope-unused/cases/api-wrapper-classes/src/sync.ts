import { Conversations, rest, transcript } from './web1on1';
import { CrmRest } from './crm';

const conversations = new Conversations();
const crm = new CrmRest();

export async function syncOrder(order: { id: string; conversation: string; customer: string }) {
  await rest.contacts();
  await conversations.tag(order.conversation, order.id);
  await transcript(order.conversation);
  await crm.forget(order.customer);
}
