// A route through which the dealer erases a person on request (a DSAR endpoint) counts as erasure.
const express = require('express');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const app = express();
app.use(express.json());

app.post('/leads', async (req, res) => {
  // ok: erasure-not-handled
  await knex('leads').insert({ name: req.body.name, email: req.body.email });
  res.sendStatus(201);
});

app.delete('/leads/:email', async (req, res) => {
  await knex('leads').where({ email: req.params.email }).del();
  res.sendStatus(204);
});

app.listen(3000);
