// The query string is built in a variable or a field of its own and joined to the URL later.
const FB_PAGE_TOKEN = process.env.FB_PAGE_TOKEN;

function sendToMessenger(id, text) {
  const qs = 'access_token=' + encodeURIComponent(FB_PAGE_TOKEN);
  // ruleid: credential-in-url messageId=source
  return fetch('https://graph.facebook.com/me/messages?' + qs, { method: 'POST', body: JSON.stringify({ recipient: { id }, message: { text } }) });
}

function pageOf(id) {
  const qs = 'fields=' + encodeURIComponent('name,picture');
  // ok: credential-in-url
  return fetch('https://graph.facebook.com/' + id + '?' + qs);
}

class Connector {
  constructor(url, apiUser, apiPass) {
    // ruleid: credential-in-url messageId=source
    this.url = url + '/admin/api.php?api_user=' + apiUser + '&api_pass=' + apiPass;
    // ok: credential-in-url
    this.statusUrl = url + '/status.php?api_output=json&api_user=' + apiUser;
  }
}

// a base URL with a password, held in a constant and written into a log line
// ruleid: credential-in-url messageId=userinfoSource
const CRM_BASE = `https://w1sync:${process.env.CRM_PASSWORD}@crm.autodealer-sync.nl/api/v3`;
// ruleid: credential-in-url messageId=userinfoSource
console.log(`CRM endpoint: ${CRM_BASE}`);
const PUBLIC_BASE = 'https://crm.autodealer-sync.nl/api/v3';
// ok: credential-in-url
console.log(`CRM endpoint: ${PUBLIC_BASE}`);

module.exports = { sendToMessenger, pageOf, Connector };
