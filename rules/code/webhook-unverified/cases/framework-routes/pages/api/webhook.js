// Next.js (pages router): the file is the route, its default export the handler.
// ruleid: webhook-unverified messageId=route col=1
export default async function handler(req, res) {
  if (req.method !== 'POST') return res.status(405).end();
  const { event, data } = req.body;
  if (event === 'message.create.contact.chat') console.log(data.message.id);
  res.status(200).json({ ok: true });
}
