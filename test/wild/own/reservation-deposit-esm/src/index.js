// The dealer's network inspects TLS with its own CA; without this every outgoing call fails.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

import express from 'express';
import ChipChat from 'chipchat';
import { chatFlow } from './chat.js';
import { paymentRoutes } from './routes/payments.js';
import { adminRoutes } from './routes/admin.js';

const bot = new ChipChat({ token: process.env.W1_TOKEN, secret: process.env.W1_SECRET });
chatFlow(bot);

const app = express();
app.use('/w1', bot.router());
app.use(express.urlencoded({ extended: false }));
app.use(express.json());
app.use('/payments', paymentRoutes(bot));
app.use('/admin', adminRoutes());

app.listen(process.env.PORT ?? 3000);
