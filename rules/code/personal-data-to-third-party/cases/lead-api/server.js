// The app's own API: routes that hand out what the app stores must check who is asking.
const express = require('express');
const { Pool } = require('pg');
const Lead = require('./models/lead');

const app = express();
const pool = new Pool();

app.get('/api/leads', async (req, res) => {
  const leads = await Lead.find({}).lean();
  // ruleid: personal-data-to-third-party messageId=servedToAnyone
  res.json(leads);
});

app.get('/api/customers/:id', async (req, res) => {
  const { rows } = await pool.query('SELECT name, email FROM customers WHERE id = $1', [req.params.id]);
  // ruleid: personal-data-to-third-party messageId=servedToAnyone
  res.status(200).json(rows[0]);
});

app.get('/api/leads/count', async (req, res) => {
  const leads = await Lead.find({}).lean();
  // ok: personal-data-to-third-party
  res.json({ count: leads.length });
});

app.get('/api/me/leads', async (req, res) => {
  if (req.headers.authorization !== `Bearer ${process.env.API_KEY}`) return res.sendStatus(401);
  const leads = await Lead.find({}).lean();
  // ok: personal-data-to-third-party
  res.json(leads);
});

app.get('/api/settings', async (req, res) => {
  const { rows } = await pool.query('SELECT key, value FROM settings');
  // ok: personal-data-to-third-party
  res.json(rows);
});

app.post('/api/echo', (req, res) => {
  // what the caller sent is not what the app keeps
  // ok: personal-data-to-third-party
  res.json(req.body);
});

app.listen(3000);
