// 13–19 digits, optionally grouped by single spaces or dashes; bounded repetition
const DIGIT_RUN = /\d(?:[ -]?\d){12,18}/g;
// DIGIT_RUN without the flag: matchAll copies its regex, so most strings (no run at all) are turned away first
const HAS_DIGIT_RUN = /\d(?:[ -]?\d){12,18}/;
// Published test numbers of card schemes and PSPs: not a consumer's card
const TEST_CARDS = new Set(['4111111111111111', '4242424242424242', '4000056655665556', '5555555555554444', '5105105105105100', '2223003122003222', '378282246310005', '371449635398431', '6011111111111117', '3566002020360505', '4012888888881881']);

/** A run of 13–19 digits anywhere in the text: the cheap test before looking for a card number. */
export function hasDigitRun(text: string): boolean {
  return HAS_DIGIT_RUN.test(text);
}

/** A Luhn-valid run of 13–19 digits starting like a card scheme (2–6), not a published test number. */
export function cardNumberIn(text: string): string | undefined {
  if (!HAS_DIGIT_RUN.test(text)) return undefined;
  for (const m of text.matchAll(DIGIT_RUN)) {
    const digits = m[0].replace(/\D/g, '');
    if (/^[2-6]/.test(digits) && luhnValid(digits) && !TEST_CARDS.has(digits) && !/^(\d)\1+$/.test(digits)) return digits;
  }
  return undefined;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}
