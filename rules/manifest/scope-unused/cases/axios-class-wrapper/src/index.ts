import { Web1on1Client } from './client';
const client = new Web1on1Client(process.env.TOKEN!);
export async function run() {
  await client.listContacts();
  await client.updateContact('1', { name: 'x' });
  await client.getConversation('1');
  await client.postMessage('c', 'hi');
  await client.users();
}
