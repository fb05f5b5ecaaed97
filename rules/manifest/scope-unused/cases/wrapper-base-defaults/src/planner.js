'use strict';
const { PlannerApi } = require('./api');

const api = new PlannerApi({ key: process.env.PLANNER_KEY });

async function confirmAll() {
  for (const c of await api.bookedContacts()) {
    const [conv] = await api.conversationOf(c._id);
    if (conv) await api.confirm(conv._id, 'Uw proefrit staat gepland.');
  }
}

module.exports = { confirmAll };
