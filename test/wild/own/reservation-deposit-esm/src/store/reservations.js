import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const FILE = new URL('../../data/reservations.json', import.meta.url);

function load() {
  return existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : [];
}

function save(rows) {
  writeFileSync(FILE, JSON.stringify(rows, null, 2));
}

export function addReservation(r) {
  const rows = load();
  rows.push({ ...r, status: 'open', createdAt: new Date().toISOString() });
  save(rows);
}

export function markPaid(paymentId) {
  const rows = load();
  const r = rows.find((x) => x.paymentId === paymentId);
  if (r) r.status = 'paid';
  save(rows);
  return r;
}

export function listReservations() {
  return load();
}

export function removeReservation(id) {
  save(load().filter((r) => r.paymentId !== id));
}
