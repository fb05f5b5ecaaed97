module.exports = require('pg').Pool ? new (require('pg').Pool)() : null;
