import { conversation, transcript } from './api';

export async function summary(id: string) {
  const [conv, messages] = await Promise.all([conversation(id), transcript(id)]);
  return { conv, count: messages.length };
}
