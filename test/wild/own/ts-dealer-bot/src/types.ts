export interface Message {
  id: string;
  text?: string;
  conversation: string;
}

export interface Contact {
  id: string;
  conversation: string;
  meta?: { serviceOptIn?: boolean };
}

export interface Conversation {
  id: string;
  say(message: string | Record<string, unknown>): Promise<unknown>;
}
