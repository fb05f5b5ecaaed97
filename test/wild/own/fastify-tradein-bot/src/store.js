import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { config } from './config.js';

async function load() {
  try {
    return JSON.parse(await readFile(config.storeFile, 'utf8'));
  } catch {
    return [];
  }
}

export async function saveValuation(entry) {
  const all = await load();
  all.push({ ...entry, at: new Date().toISOString() });
  await mkdir(dirname(config.storeFile), { recursive: true });
  await writeFile(config.storeFile, JSON.stringify(all, null, 2));
}

export const allValuations = load;
