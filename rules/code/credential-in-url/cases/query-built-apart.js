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

module.exports = { sendToMessenger, pageOf, Connector };
