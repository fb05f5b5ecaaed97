// Test files get findings too, at info severity: a token in a test is still a token.
const assert = require('node:assert');
const ChipChat = require('chipchat');

// ruleid: hardcoded-credential messageId=literal col=20
const TEST_TOKEN = process.env.TEST_TOKEN;

// ok: hardcoded-credential
const bot = new ChipChat({ token: TEST_TOKEN });
assert.ok(bot.auth.user);
