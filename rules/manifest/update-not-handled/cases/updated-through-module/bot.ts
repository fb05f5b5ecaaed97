// Both events go through the same function of another module: the copy is written again on every change.
import ChipChat from 'chipchat';
import { keepProfile } from './profiles';

const bot = new ChipChat({ token: process.env.TOKEN as string });

bot.on('contact.create', (payload: any) => keepProfile(payload.data.contact));
bot.on('contact.update', (payload: any) => keepProfile(payload.data.contact));
