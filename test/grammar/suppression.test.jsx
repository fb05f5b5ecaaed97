// SYNTAX TEST "source.js.jsx" "suppression comments in JSX"
const View = () => (
  <div>
    {/* policy-lens-disable-next-line offensive-language until 2027-06-30 -- quoted from a customer complaint */}
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ keyword.control.directive.policy-lens
//                                    ^^^^^^^^^^^^^^^^^^ entity.name.tag.rule-id.policy-lens
//                                                       ^^^^^ keyword.other.until.policy-lens
//                                                             ^^^^^^^^^^ constant.numeric.date.policy-lens
//                                                                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.unquoted.reason.policy-lens
//                                                                                                            ^^ - string.unquoted.reason.policy-lens
    <p>text</p>
  </div>
);
