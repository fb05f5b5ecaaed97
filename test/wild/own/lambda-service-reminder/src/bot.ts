import ChipChat from 'chipchat';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { registerFlows } from './flows';

const secrets = new SecretsManagerClient({});
let instance: Promise<ChipChat> | undefined;

async function create(): Promise<ChipChat> {
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.TOKEN_SECRET_ID }));
  const { token, webhookSecret } = JSON.parse(secret.SecretString ?? '{}');
  const bot = new ChipChat({ token, secret: webhookSecret, host: 'https://api.web1on1.chat' });
  registerFlows(bot);
  return bot;
}

export function getBot(): Promise<ChipChat> {
  instance ??= create();
  return instance;
}
