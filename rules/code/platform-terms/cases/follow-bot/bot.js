// A small Twitter bot class: tweets, follows a friend of a follower, unfollows someone.
const Twit = require('twit');

function Bot(config) {
  this.twit = new Twit(config);
}

Bot.prototype.tweet = function (status, callback) {
  this.twit.post('statuses/update', { status }, callback);
};

Bot.prototype.mingle = function (callback) {
  const self = this;
  this.twit.get('followers/ids', function (err, reply) {
    if (err) return callback(err);
    const target = reply.ids[Math.floor(Math.random() * reply.ids.length)];
    self.twit.post('friendships/create', { id: target }, callback);
  });
};

Bot.prototype.prune = function (callback) {
  const self = this;
  this.twit.get('friends/ids', function (err, reply) {
    if (err) return callback(err);
    self.twit.post('friendships/destroy', { id: reply.ids[0] }, callback);
  });
};

module.exports = Bot;
