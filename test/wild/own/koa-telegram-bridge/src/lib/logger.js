import pino from 'pino';

export const logger = pino({ name: 'tg-bridge', level: process.env.LOG_LEVEL || 'info' });
