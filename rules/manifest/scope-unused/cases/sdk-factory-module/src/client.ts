import ChipChat from 'chipchat';
export function createClient() { return new ChipChat({ token: process.env.TOKEN }); }
