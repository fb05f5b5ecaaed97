const got = require('got');

// Response-time stats are not in the public API. The dashboard loads them from this endpoint
// (found in the browser's network tab); we replay its query with the dashboard session cookie.
const DASHBOARD_GRAPHQL = 'https://app.web1on1.chat/internal/graphql';

const QUERY = `query AgentStats($org: ID!) {
  agentStats(organization: $org) { agentId firstResponseMs handled }
}`;

async function fetchAgentStats(organization) {
  const { body } = await got.post(DASHBOARD_GRAPHQL, {
    json: { operationName: 'AgentStats', query: QUERY, variables: { org: organization } },
    headers: { cookie: process.env.W1_DASHBOARD_COOKIE, 'x-requested-with': 'XMLHttpRequest' },
    responseType: 'json',
  });
  return body.data.agentStats;
}

module.exports = { fetchAgentStats };
