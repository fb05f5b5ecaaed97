const Api = require('chipchat');
const debug = require('debug');

const log = debug('smsbot');
const bot = new Api({ token: process.env.TOKEN });

const countrycode = '+31';
const locale = 'en';

// in real life you would get these contacts from CS itself
const users = [
    // ruleid: hardcoded-personal-data messageId=record col=5
    { telephone: '+31612345678', email: 'barack.obama@usa.com', givenName: 'Barack', familyName: 'Obama', address: { 'Zip Code': '', 'City': '' } },
    // ruleid: hardcoded-personal-data messageId=record col=5
    { name: 'Michelle Robinson', mobile: '06 23 45 67 89' },
    // ok: hardcoded-personal-data
    { givenName: 'John', familyName: 'Doe', email: 'john.doe@example.com', telephone: '+31600000000' },
    // ok: hardcoded-personal-data
    { name: 'John Doe', telephone: '+31687654321' },
    // ok: hardcoded-personal-data
    { name: 'Autobedrijf Jansen', email: 'info@autobedrijf-jansen.nl', telephone: '020-1234567' }
];

const sendInvitePerSMS = async (organization) => {
    for (const user of users) {
        let phone = user.telephone;
        if (phone.toString().trim().length === 9) phone = countrycode + phone;
        log('inviting %s', user.givenName);
        await bot.conversations.create({ organization, type: 'contact', contact: { profile: { ...user, locale, telephone: phone } } });
    }
};

module.exports = { sendInvitePerSMS };
