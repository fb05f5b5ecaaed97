// The widget's commands, kept in one module.
export const FAKE_AGENT = 'showFakeAgentMessage';
export const OPEN = 'open';
