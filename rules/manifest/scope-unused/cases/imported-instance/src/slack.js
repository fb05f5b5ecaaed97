import { App } from '@slack/bolt';

export const bot = new App({ token: process.env.SLACK_TOKEN, signingSecret: process.env.SLACK_SECRET });
