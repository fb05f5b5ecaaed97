const WORKSHOP_API = process.env.WORKSHOP_API ?? 'https://planner.garage-hendriks.nl/api';
const AUTH = `Basic ${Buffer.from('werkplaats:Pl4nn3r!2024').toString('base64')}`;

export interface Slot { id: string; label: string }

export async function freeSlots(days = 7): Promise<Slot[]> {
  const res = await fetch(`${WORKSHOP_API}/slots?days=${days}`, { headers: { Authorization: AUTH } });
  if (!res.ok) throw new Error(`planner: ${res.status}`);
  return (await res.json()) as Slot[];
}

export async function book(slotId: string, plate: string, conversationId: string): Promise<void> {
  const res = await fetch(`${WORKSHOP_API}/bookings`, {
    method: 'POST',
    headers: { Authorization: AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ slotId, plate, reference: conversationId }),
  });
  if (!res.ok) throw new Error(`planner: ${res.status}`);
}
