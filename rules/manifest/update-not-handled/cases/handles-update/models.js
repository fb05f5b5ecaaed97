module.exports = { Customer: require('mongoose').model('Customer', {}) };
