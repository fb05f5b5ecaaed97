export interface AppConfig {
  port: number;
  web1on1Token: string;
  web1on1Host: string;
  exportKey: string;
  salesChannel: string;
}

export const appConfig: AppConfig = {
  port: Number(process.env.PORT ?? 8080),
  web1on1Token:
    process.env.W1_TOKEN ||
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiNjVhMWIyYzNkNGU1ZjZhN2I4YzlkMGUxIiwib3JnIjoiNjVhMWIyYzNkNGU1ZjZhN2I4YzlkMGUwIiwicm9sZSI6ImFkbWluIn0.q8Vb1yR0cZ2mXf3TnKp9LwA6sHd4JeUo7GiBt5NvQxE',
  web1on1Host: process.env.W1_HOST ?? 'https://api.web1on1.chat',
  exportKey: process.env.EXPORT_KEY ?? '',
  salesChannel: process.env.SALES_CHANNEL ?? '65a1b2c3d4e5f6a7b8c9d0f2',
};
