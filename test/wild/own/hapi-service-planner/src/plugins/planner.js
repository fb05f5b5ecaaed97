'use strict';

const Appointment = require('../models/Appointment');

const JWT_KEY = 'w3rkpl44ts-pl4nn3r-2024';

module.exports = {
  name: 'planner',
  async register(server) {
    await server.register(require('hapi-auth-jwt2'));
    server.auth.strategy('staff', 'jwt', {
      key: JWT_KEY,
      validate: async (decoded) => ({ isValid: decoded.role === 'workshop' }),
      verifyOptions: { algorithms: ['HS256'] },
    });

    server.route({
      method: 'GET',
      path: '/planner/day/{date}',
      options: { auth: 'staff' },
      handler: async (request) => {
        const from = new Date(request.params.date);
        const to = new Date(from.getTime() + 86400000);
        return Appointment.find({ startsAt: { $gte: from, $lt: to } }).select('customerName plate startsAt');
      },
    });
  },
};
