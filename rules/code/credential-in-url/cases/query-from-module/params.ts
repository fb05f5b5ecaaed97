// The query parameter names of a partner API, kept in one module.
export const TOKEN_QUERY = '?access_token';
export const EQUALS = '=';
