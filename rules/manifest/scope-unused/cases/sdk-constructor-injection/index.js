import ChipChat from 'chipchat';
import { Notifier } from './notifier';
const bot = new ChipChat({ token: process.env.TOKEN });
const n = new Notifier(bot);
n.find('1'); n.open('2');
