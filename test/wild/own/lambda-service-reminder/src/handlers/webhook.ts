import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { getBot } from '../bot';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  console.log('incoming webhook', JSON.stringify(event));
  const bot = await getBot();
  const payload = JSON.parse(event.body ?? '{}');
  await bot.ingest(payload);
  return { statusCode: 200, body: 'ok' };
}
