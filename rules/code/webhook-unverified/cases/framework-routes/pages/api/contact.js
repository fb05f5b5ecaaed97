// A form post of the app's own site is no webhook delivery.
// ok: webhook-unverified
export default async function handler(req, res) {
  const { name, email } = req.body;
  res.status(200).json({ name, email });
}
