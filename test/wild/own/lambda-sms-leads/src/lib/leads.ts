import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TableName = process.env.LEADS_TABLE!;

export interface Lead {
  phone: string;
  contactId: string;
  conversationId: string;
  firstMessage: string;
  receivedAt: string;
}

export async function findLead(phone: string): Promise<Lead | undefined> {
  const out = await doc.send(new GetCommand({ TableName, Key: { phone } }));
  return out.Item as Lead | undefined;
}

export async function saveLead(lead: Lead): Promise<void> {
  await doc.send(new PutCommand({ TableName, Item: lead }));
}
