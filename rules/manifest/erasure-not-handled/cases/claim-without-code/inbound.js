// The manifest says leads expire, but no item gets a TTL attribute and nothing deletes them: the claim is not borne out.
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, PutCommand } = require('@aws-sdk/lib-dynamodb');
const express = require('express');

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/sms', async (req, res) => {
  const { From, Body } = req.body;
  // ruleid: erasure-not-handled messageId=notHandled col=9
  await ddb.send(new PutCommand({ TableName: 'Leads', Item: { phone: From, text: Body, at: Date.now() } }));
  // ok: erasure-not-handled
  await ddb.send(new PutCommand({ TableName: 'Sessions', Item: { phone: From, ttl: Math.floor(Date.now() / 1000) + 3600 } }));
  res.sendStatus(204);
});

app.listen(3000);
