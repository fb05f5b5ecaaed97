// The bot's texts in a dictionary keyed by language.
export const messages = {
  nl: {
    // ruleid: impersonation
    intro: 'Hallo, u spreekt met Jan, uw verkoopadviseur. Ik ben echt geen bot hoor.',
    // ok: impersonation
    persona: 'Ik ben Anna, de digitale assistent van Autohuis Jansen.',
  },
  de: {
    // ok: impersonation
    persona: 'Ich bin Anna, die digitale Assistentin von Autohaus Jansen.',
  },
  en: {
    // ruleid: impersonation
    intro: "I'm a real person, not a bot.",
    // ok: impersonation
    handover: 'Would you like to talk to a real person?',
  },
};
