import { createClient } from './client';
import { ContactService } from './service';
const bot = createClient();
const svc = new ContactService(bot);
svc.find('1');
svc.open('c');
bot.messages.list();
