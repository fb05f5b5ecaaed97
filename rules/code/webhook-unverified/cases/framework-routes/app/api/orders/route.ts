// An app route that takes the shop's own orders: not a webhook receiver.
// ok: webhook-unverified
export async function POST(request: Request) {
  const order = await request.json();
  return Response.json({ id: order.id });
}
