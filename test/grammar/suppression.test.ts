// SYNTAX TEST "source.ts" "suppression comments in TypeScript"

// policy-lens-disable-next-line hardcoded-credential until 2027-01-31 -- rotated in the next release
// ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.ts keyword.control.directive.policy-lens
//                               ^^^^^^^^^^^^^^^^^^^^ entity.name.tag.rule-id.policy-lens
//                                                    ^^^^^ keyword.other.until.policy-lens
//                                                          ^^^^^^^^^^ constant.numeric.date.policy-lens
//                                                                     ^^ punctuation.separator.reason.policy-lens
//                                                                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.unquoted.reason.policy-lens
const token = 'x';

const a = 1; // policy-lens-disable-line scope-missing, scope-unused -- demo bot
//              ^^^^^^^^^^^^^^^^^^^^^^^^ keyword.control.directive.policy-lens
//                                       ^^^^^^^^^^^^^ entity.name.tag.rule-id.policy-lens
//                                                    ^ punctuation.separator.comma.policy-lens
//                                                      ^^^^^^^^^^^^ entity.name.tag.rule-id.policy-lens
//                                                                      ^^^^^^^^ string.unquoted.reason.policy-lens

/* policy-lens-disable-next-line security-control-disabled -- loopback test double */
// ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.block.ts keyword.control.directive.policy-lens
//                                                            ^^^^^^^^^^^^^^^^^^^^ string.unquoted.reason.policy-lens
//                                                                                 ^^ - string.unquoted.reason.policy-lens

// the word policy-lens-disable alone is not a directive
//          ^^^^^^^^^^^^^^^^^^^ - keyword.control.directive.policy-lens
// see policy-lens-disable-line-docs for details
//     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ - keyword.control.directive.policy-lens

const s = 'policy-lens-disable-next-line not-in-a-comment -- strings are left alone';
//         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ - keyword.control.directive.policy-lens
