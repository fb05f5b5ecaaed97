// Texts keyed by language: a dictionary wherever it lives.
export const TEXTS = {
  en: {
    // ruleid: sensitive-data-request
    login: 'What is your password? I will log in for you.',
    // ok: sensitive-data-request
    reset: 'Forgot your password? Reset it on our website.',
  },
  nl: {
    // ruleid: sensitive-data-request
    login: 'Wat is je wachtwoord? Dan log ik voor je in.',
    // ok: sensitive-data-request
    reset: 'Wachtwoord vergeten? Stel een nieuw wachtwoord in op onze website.',
  },
};
