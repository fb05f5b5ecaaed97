const got = require('got');

let token = null;

// The dealer's integration account logs in like a user; the token lasts a day.
async function login() {
  const { body } = await got.post('https://api.web1on1.chat/v2/auth/token', {
    json: { email: process.env.W1_LOGIN_EMAIL, password: process.env.W1_LOGIN_PASSWORD },
    responseType: 'json',
  });
  token = body.token;
}

const api = got.extend({
  prefixUrl: 'https://api.web1on1.chat/v2/',
  responseType: 'json',
  hooks: {
    beforeRequest: [
      async (options) => {
        if (!token) await login();
        options.headers.authorization = `Bearer ${token}`;
      },
    ],
  },
});

async function* allContacts() {
  for (let page = 0; ; page++) {
    const { body } = await api.get('contacts', { searchParams: { limit: 100, skip: page * 100 } });
    if (!body.length) return;
    yield* body;
  }
}

module.exports = { api, allContacts };
