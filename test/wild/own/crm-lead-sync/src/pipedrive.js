'use strict';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

class Pipedrive {
  constructor(company, apiToken) {
    this.base = `https://${company}.pipedrive.com/api/v1`;
    this.apiToken = apiToken;
  }

  url(path, params = {}) {
    const qs = new URLSearchParams({ ...params, api_token: this.apiToken });
    return `${this.base}${path}?${qs}`;
  }

  async findPersonByEmail(email) {
    const res = await fetch(this.url('/persons/search', { term: email, fields: 'email', exact_match: 'true' }));
    const { data } = await res.json();
    return data && data.items.length ? data.items[0].item : null;
  }

  async upsertPerson(person) {
    const existing = await this.findPersonByEmail(person.email);
    const body = JSON.stringify({ name: person.name, email: [person.email], phone: [person.phone], 'w1_contact_id': person.web1on1Id });
    const res = await fetch(existing ? this.url(`/persons/${existing.id}`) : this.url('/persons'), {
      method: existing ? 'PUT' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    if (!res.ok) throw new Error(`pipedrive ${res.status}`);
    return (await res.json()).data;
  }
}

module.exports = { Pipedrive };
