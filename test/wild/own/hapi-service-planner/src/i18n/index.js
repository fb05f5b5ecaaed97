'use strict';

const dictionaries = {
  nl: require('./nl.json'),
  en: require('./en.json'),
};

function t(locale, key, vars = {}) {
  const dict = dictionaries[locale] || dictionaries.nl;
  const text = dict[key] || dictionaries.nl[key] || key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] !== undefined ? String(vars[name]) : ''));
}

module.exports = { t };
