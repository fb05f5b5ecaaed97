import Database from 'better-sqlite3';

export interface Link { chatId: number; conversationId: string; contactId: string; name: string; username: string | null; phone: string | null }

export class LinkStore {
  private readonly db: Database.Database;

  constructor(file = process.env.DB_FILE ?? 'telelink.db') {
    this.db = new Database(file);
    this.db.exec(`CREATE TABLE IF NOT EXISTS links (
      chat_id INTEGER PRIMARY KEY, conversation_id TEXT, contact_id TEXT, name TEXT, username TEXT, phone TEXT
    )`);
  }

  byChat(chatId: number): Link | undefined {
    const row = this.db.prepare('SELECT * FROM links WHERE chat_id = ?').get(chatId) as any;
    return row && { chatId: row.chat_id, conversationId: row.conversation_id, contactId: row.contact_id, name: row.name, username: row.username, phone: row.phone };
  }

  byConversation(conversationId: string): Link | undefined {
    const row = this.db.prepare('SELECT * FROM links WHERE conversation_id = ?').get(conversationId) as any;
    return row && this.byChat(row.chat_id);
  }

  save(link: Link): void {
    this.db
      .prepare('INSERT OR REPLACE INTO links (chat_id, conversation_id, contact_id, name, username, phone) VALUES (?, ?, ?, ?, ?, ?)')
      .run(link.chatId, link.conversationId, link.contactId, link.name, link.username, link.phone);
  }
}
