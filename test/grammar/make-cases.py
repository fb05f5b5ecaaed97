# Writes the grammar test cases with caret columns computed from the source lines (hand-aligned carets
# drift). Run: python3 test/grammar/make-cases.py — the .test.* files it writes are committed.
import os

def case(scope, title, lines, ext, comment='//'):
    out = [f'{comment} SYNTAX TEST "{scope}" "{title}"']
    for item in lines:
        if isinstance(item, str):
            out.append(item)
            continue
        src, checks = item
        out.append(src)
        for needle, scopes, occurrence in checks:
            neg = scopes.startswith('- ')
            start = -1
            for _ in range(occurrence):
                start = src.index(needle, start + 1)
            pad = start - len(comment)
            assert pad >= 0, (src, needle)
            out.append(comment + ' ' * pad + '^' * len(needle) + ' ' + scopes)
    with open(os.path.join(os.path.dirname(__file__), f'suppression.test.{ext}'), 'w') as f:
        f.write('\n'.join(out) + '\n')

D = 'keyword.control.directive.policy-lens'
R = 'entity.name.tag.rule-id.policy-lens'
U = 'keyword.other.until.policy-lens'
T = 'constant.numeric.date.policy-lens'
S = 'punctuation.separator.reason.policy-lens'
W = 'string.unquoted.reason.policy-lens'
C = 'punctuation.separator.comma.policy-lens'

for scope, ext, lang in [('source.js', 'js', 'JavaScript'), ('source.ts', 'ts', 'TypeScript')]:
    suffix = ext
    case(scope, f'suppression comments in {lang}', [
        '',
        ('// policy-lens-disable-next-line hardcoded-credential until 2027-01-31 -- rotated in the next release', [
            ('policy-lens-disable-next-line', f'comment.line.double-slash.{suffix} {D}', 1),
            ('hardcoded-credential', R, 1), ('until', U, 1), ('2027-01-31', T, 1), ('--', S, 1), ('rotated in the next release', W, 1)]),
        "const token = 'x';",
        '',
        ('const a = 1; // policy-lens-disable-line scope-missing, scope-unused -- demo bot', [
            ('policy-lens-disable-line', D, 1), ('scope-missing', R, 1), (',', C, 1), ('scope-unused', R, 1), ('demo bot', W, 1)]),
        '',
        ('/* policy-lens-disable-next-line security-control-disabled -- loopback test double */', [
            ('policy-lens-disable-next-line', f'comment.block.{suffix} {D}', 1), ('loopback test double', W, 1), ('*/', f'- {W}', 1)]),
        '',
        ('// the word policy-lens-disable alone is not a directive', [('policy-lens-disable', f'- {D}', 1)]),
        ('// see policy-lens-disable-line-docs for details', [('policy-lens-disable-line-docs', f'- {D}', 1)]),
        '',
        ("const s = 'policy-lens-disable-next-line not-in-a-comment -- strings are left alone';", [
            ('policy-lens-disable-next-line', f'- {D}', 1)]),
    ], ext)

for scope, ext, lang in [('source.js.jsx', 'jsx', 'JSX'), ('source.tsx', 'tsx', 'TSX')]:
    case(scope, f'suppression comments in {lang}', [
        'const View = () => (',
        '  <div>',
        ('    {/* policy-lens-disable-next-line offensive-language until 2027-06-30 -- quoted from a customer complaint */}', [
            ('policy-lens-disable-next-line', D, 1), ('offensive-language', R, 1), ('until', U, 1), ('2027-06-30', T, 1),
            ('quoted from a customer complaint', W, 1), ('*/', f'- {W}', 1)]),
        '    <p>text</p>',
        '  </div>',
        ');',
    ], ext)
