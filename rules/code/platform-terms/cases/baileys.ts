// ruleid: platform-terms messageId=unofficialClient col=53
import makeWASocket, { useMultiFileAuthState } from '@whiskeysockets/baileys';
// ok: platform-terms
import { WhatsAppAPI } from 'whatsapp-api-js';

export async function start(): Promise<void> {
  const { state } = await useMultiFileAuthState('auth');
  makeWASocket({ auth: state });
  new WhatsAppAPI({ token: process.env.WA_TOKEN ?? '', secure: true });
}
