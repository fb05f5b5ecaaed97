'use strict';

// Runtime settings, changed from the agent console.
module.exports = {
  reminderTemplate: null,
};
