// "Deleted from the admin page": the admin route that deletes from the same table bears the claim out.
const express = require('express');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const app = express();
app.use(express.json());

app.post('/reservations', async (req, res) => {
  // ok: erasure-not-handled
  await knex('reservations').insert({ name: req.body.name, email: req.body.email, car: req.body.car });
  res.sendStatus(201);
});

app.post('/admin/reservations/:id/cancel', async (req, res) => {
  await knex('reservations').where({ id: req.params.id }).del();
  res.redirect('/admin');
});

app.listen(3000);
