// Near-miss: the same wrapper shape around the CRM's API; DELETE /contacts there is not Web1on1's contacts:delete.
export class CrmRest {
  private readonly base = 'https://api.example-crm.io/v1';

  async request(method: string, path: string) {
    return fetch(`${this.base}${path}`, { method, headers: { 'x-api-key': process.env.CRM_KEY ?? '' } });
  }

  forget(id: string) {
    return this.request('DELETE', `/contacts/${id}`);
  }
}
