const express = require('express');
const config = require('./config');

const app = express();

// ruleid: credential-logged messageId=served
app.get('/debug/env', (req, res) => res.send(process.env));
// ruleid: credential-logged messageId=served
app.get('/widget/config', (req, res) => res.json({ token: config.web1on1.token, port: config.server.port }));
// ruleid: credential-logged messageId=served
app.get('/crm/key', (req, res) => res.json({ key: process.env.CRM_API_KEY }));

// a token the route mints for its caller is the point of the route
// ok: credential-logged
app.post('/session', (req, res) => {
  const token = createSessionToken(req.body.user);
  res.json({ token });
});

// settings without a credential
// ok: credential-logged
app.get('/widget/settings', (req, res) => res.json({ port: config.server.port, env: process.env.NODE_ENV }));

function createSessionToken(user) {
  return `${user}-${Date.now()}`;
}

module.exports = app;
