const axios = require('axios');
const http = axios.create({ baseURL: 'https://api.web1on1.chat/v2' });
function call(method, path, data) { return http[method.toLowerCase()](path, data); }
call('GET', '/contacts');
call('PATCH', '/contacts/1', { name: 'x' });
