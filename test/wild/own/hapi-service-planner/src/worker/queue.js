'use strict';

const Queue = require('bull');

const reminders = new Queue('service-reminders', process.env.REDIS_URL || 'redis://127.0.0.1:6379');

module.exports = { reminders };
