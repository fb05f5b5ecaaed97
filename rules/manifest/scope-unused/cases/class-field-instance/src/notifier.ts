import { WebClient } from '@slack/web-api';

// Near-miss: a field named like the SDK's but holding Slack's client; users.list() here is Slack's, not Web1on1's.
export class Notifier {
  private chat = new WebClient(process.env.SLACK_TOKEN);

  async announce() {
    const members = await this.chat.users.list();
    return members;
  }
}
