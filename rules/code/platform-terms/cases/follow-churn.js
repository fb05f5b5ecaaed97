// Growth hack on a timer, in one file: follow ten, unfollow ten.
const Twit = require('twit');

const T = new Twit({ consumer_key: process.env.KEY, consumer_secret: process.env.SECRET });

async function churn() {
  const { data } = await T.get('search/tweets', { q: 'occasion', count: 10 });
  for (const tweet of data.statuses) await T.post('friendships/create', { id: tweet.user.id_str });
  const friends = await T.get('friends/ids', { count: 10 });
  for (const id of friends.data.ids) await T.post('friendships/destroy', { id });
  // ruleid: platform-terms messageId=followChurn col=3
  setTimeout(churn, 15 * 60 * 1000);
}
churn();

// ok: platform-terms
setInterval(() => T.post('statuses/update', { status: 'APK-actie deze week!' }), 24 * 3600 * 1000);
