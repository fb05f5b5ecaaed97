// The URL's query comes from another module: no literal here holds its = sign.
import { EQUALS, TOKEN_QUERY } from './params';

export async function listLeads(): Promise<unknown> {
  // ruleid: credential-in-url messageId=source
  const res = await fetch(`https://partner.example.com/leads${TOKEN_QUERY}${EQUALS}${process.env.PARTNER_TOKEN}`);
  // ok: credential-in-url
  const page = await fetch(`https://partner.example.com/leads/${process.env.PARTNER_TOKEN}`);
  return [await res.json(), await page.json()];
}
