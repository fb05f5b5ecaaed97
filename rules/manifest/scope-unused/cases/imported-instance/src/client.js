import ChipChat from 'chipchat';

// One shared instance, exported for the other modules.
export const bot = new ChipChat({ token: process.env.W1O1_TOKEN });
export default bot;
