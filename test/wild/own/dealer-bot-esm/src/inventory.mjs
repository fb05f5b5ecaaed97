import { config } from './config.mjs';

export async function searchStock(query) {
  const url = new URL(config.stockUrl);
  url.searchParams.set('q', query);
  url.searchParams.set('limit', String(config.maxResults));
  const res = await fetch(url, { headers: { 'X-Api-Key': config.stockKey } });
  if (!res.ok) throw new Error(`stock search failed (${res.status})`);
  const { items } = await res.json();
  return items.map((car) => ({ title: `${car.make} ${car.model} ${car.year}`, price: car.price, km: car.mileage, url: car.url }));
}

export function formatCar(car) {
  return `${car.title} – € ${car.price.toLocaleString('nl-NL')} (${car.km.toLocaleString('nl-NL')} km)\n${car.url}`;
}
