// Analytics SDKs send what they are given to their vendor; query strings built for another host carry it too.
import Mixpanel from 'mixpanel';
import { Analytics } from '@segment/analytics-node';
import * as amplitude from '@amplitude/analytics-node';
import ChipChat from 'chipchat';

const bot = new ChipChat({ token: process.env.TOKEN as string });
const mixpanel = Mixpanel.init(process.env.MIXPANEL_TOKEN as string);
const segment = new Analytics({ writeKey: process.env.SEGMENT_KEY as string });

bot.on('contact.create', async (payload: any) => {
  const contact = payload.data.contact;
  // ruleid: personal-data-to-third-party messageId=noManifest col=3
  mixpanel.people.set(contact.id, { $email: contact.profile.email, $name: contact.profile.name });
  // ok: personal-data-to-third-party
  mixpanel.track('lead created', { distinct_id: contact.id, channel: 'chat' });
  // ruleid: personal-data-to-third-party messageId=noManifest col=3
  segment.identify({ userId: contact.id, traits: { phone: contact.profile.telephone } });
  // ok: personal-data-to-third-party
  segment.track({ userId: contact.id, event: 'Lead Created' });
  // ruleid: personal-data-to-third-party messageId=noManifest col=3
  amplitude.track('lead', { email: contact.profile.email }, { user_id: contact.id });
  // ok: personal-data-to-third-party
  amplitude.track('lead', { source: 'web1on1' }, { user_id: contact.id });
});

bot.on('message.create.contact.chat', async (message: any) => {
  const params = new URLSearchParams({ lang: 'nl' });
  params.append('q', message.text);
  // ruleid: personal-data-to-third-party messageId=noManifest col=9
  await fetch(`https://api.mymemory-translate.io/get?${params}`);
  const plain = new URLSearchParams({ lang: 'nl' });
  plain.append('conversation', message.conversation);
  // ok: personal-data-to-third-party
  await fetch(`https://api.mymemory-translate.io/stats?${plain.toString()}`);
});
