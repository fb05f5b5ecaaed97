import client from './esm-client.mjs';

export async function weekly(orgId) {
  // ruleid: undocumented-endpoint messageId=undocumented col=34
  const stats = await client.get(`/v1/stats/agents?organization=${orgId}`);
  // ok: undocumented-endpoint
  const conversations = await client.get(`/v2/conversations?organization=${orgId}`);
  return { stats: stats.data, conversations: conversations.data };
}
