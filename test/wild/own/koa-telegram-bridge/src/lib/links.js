import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

// telegram chat id -> { contactId, conversationId, username, phone, lastSeen }
export class LinkStore {
  constructor(file) {
    this.file = file;
    this.links = {};
  }

  async load() {
    try {
      this.links = JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      this.links = {};
    }
  }

  async flush() {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, JSON.stringify(this.links, null, 2));
  }

  get(chatId) {
    return this.links[chatId];
  }

  all() {
    return Object.entries(this.links);
  }

  async put(chatId, link) {
    this.links[chatId] = link;
    await this.flush();
  }

  async touch(chatId, lastSeen) {
    this.links[chatId].lastSeen = lastSeen;
    await this.flush();
  }

  async removeByContact(contactId) {
    for (const [chatId, link] of this.all()) {
      if (link.contactId === contactId) delete this.links[chatId];
    }
    await this.flush();
  }
}
