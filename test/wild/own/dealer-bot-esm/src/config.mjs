export const config = {
  token: process.env.WEB1ON1_TOKEN || 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiNjUxYWMzZjJlOGQ0YTkwMDEyYjNjNGQ1Iiwib3JnIjoiNjRmMGIxYzJkM2U0ZjUwMDEyYTZiN2M4IiwiaWF0IjoxNzAxMjM0NTY3fQ.Qk3v9yXc1mB8rT2pLw7nZs4hJd6fGa0eUiKo5yRtVbQ',
  stockUrl: process.env.STOCK_URL || 'http://voorraad.autobedrijf-vandijk.nl/api/v1/stock',
  stockKey: process.env.STOCK_KEY,
  channel: process.env.WHATSAPP_CHANNEL,
  maxResults: 3,
};
