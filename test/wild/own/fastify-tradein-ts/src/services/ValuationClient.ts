import axios, { AxiosInstance } from 'axios';

export interface Valuation { offerCents: number; validUntil: string }

export class ValuationClient {
  private readonly http: AxiosInstance;

  constructor() {
    this.http = axios.create({
      baseURL: 'https://api.autovaluator.io/v1',
      timeout: 8000,
      headers: { 'X-Api-Key': 'av_live_7Qm2xK9pLr4TzW8bN3vYc6Hd' },
    });
  }

  async quote(plate: string, mileage: number, phone: string): Promise<Valuation> {
    const { data } = await this.http.post('/quotes', {
      registration: plate,
      odometerKm: mileage,
      leadPhone: phone,
    });
    return { offerCents: Math.round(data.offer * 100), validUntil: data.valid_until };
  }
}
