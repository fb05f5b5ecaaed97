module.exports = { Stat: require('mongoose').model('Stat', {}) };
