import { readFile, writeFile } from 'node:fs/promises';

const FILE = process.env.CONTACTS_FILE ?? 'data/contacts.json';

export async function loadContacts() {
  try {
    return JSON.parse(await readFile(FILE, 'utf8'));
  } catch {
    return {};
  }
}

export async function saveContacts(contacts) {
  await writeFile(FILE, JSON.stringify(contacts, null, 2));
}
