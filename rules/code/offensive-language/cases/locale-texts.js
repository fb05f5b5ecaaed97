// Texts keyed by language in a module of their own: every one of them is read by someone.
module.exports = {
  nl: {
    // ruleid: offensive-language
    stuck: 'Kut, de afspraak is niet gelukt. Probeer het later nog eens.',
    // ok: offensive-language
    place: 'Onze vestiging in Kutenholz is op zaterdag gesloten.',
  },
  en: {
    // ruleid: offensive-language
    stuck: 'Well, that was a shitty result. Try again later.',
    // ok: offensive-language
    scunthorpe: 'Our Scunthorpe branch is closed on Saturdays.',
  },
};
