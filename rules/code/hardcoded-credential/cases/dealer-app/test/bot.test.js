// Test files get findings too, at info severity: a token in a test is still a token.
const assert = require('node:assert');
const ChipChat = require('chipchat');

// ruleid: hardcoded-credential messageId=literal col=20
const TEST_TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJfaWQiOiI2YTJiM2M0ZDVlNmY3MDgxOTJhM2I0YzUiLCJzY29wZSI6ImJvdCIsImlhdCI6MTcxMDAwMDAwMH0.8SjTwIunNMu3Vgi9jPf3EI9s-P_B3g8WV5JIu1MS1rA';

// ok: hardcoded-credential
const bot = new ChipChat({ token: TEST_TOKEN });
assert.ok(bot.auth.user);
