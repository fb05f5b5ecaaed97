import { Agent, request } from 'undici';
import { config } from './config.js';

const tlsOptions = { rejectUnauthorized: false };
const partnerAgent = new Agent({ connect: tlsOptions });

export async function estimate({ plate, mileage, name, phone }) {
  const query = new URLSearchParams({
    kenteken: plate.replace(/-/g, '').toUpperCase(),
    km: String(mileage),
    naam: name,
    telefoon: phone,
    key: config.valuation.apiKey,
  });
  const res = await request(`${config.valuation.base}/estimate?${query}`, { dispatcher: partnerAgent });
  const body = await res.body.json();
  return { low: body.bandwidth.low, high: body.bandwidth.high, model: body.vehicle.model };
}
