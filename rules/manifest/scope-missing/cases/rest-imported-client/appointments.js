const { api } = require('./lib/api');

// The dealer management system calls this when a workshop appointment is confirmed.
async function confirmAppointment(appointment) {
  // ok: scope-missing
  const { data: contact } = await api.get(`/v2/contacts/${appointment.contactId}`);
  const text = `Appointment confirmed for ${appointment.date} at ${appointment.location}.`;
  // ruleid: scope-missing messageId=missingNote col=9
  await api.post(`/v2/conversations/${appointment.conversationId}/messages`, { text, isBackchannel: true });
  // ruleid: scope-missing messageId=missing col=9
  await api.patch(`/v2/conversations/${appointment.conversationId}`, { meta: { appointmentId: appointment.id } });
  return contact.id;
}

module.exports = { confirmAppointment };
