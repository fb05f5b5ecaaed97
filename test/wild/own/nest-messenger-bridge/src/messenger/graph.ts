export const GRAPH = 'https://graph.facebook.com/v19.0';
export const APP_SECRET = '9c1f4e07b2a85d3361e0f4ab72c9d518';
