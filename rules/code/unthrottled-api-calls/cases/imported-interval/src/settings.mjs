export const API_BASE = 'https://api.web1on1.chat/v2';
export const REFRESH_MS = 20_000;
export const REPORT_MS = 300_000;
