// The form's page shell. Nothing from the manifest is written into this HTML: the script builds the form
// with DOM calls (textContent, value), so the shell is constant apart from the CSP source, the nonce and
// the script's URI. The CSP allows only our nonce'd script and style.

/** Said on every view of the form, the loading and invalid-JSON states included. */
export const NOT_WEB1ON1 =
  'This manifest and its scopes are Policy Lens’s own least-privilege declaration for review — not a Web1on1 format or screen. Policy Lens is not made or endorsed by Web1on1.';

export function formHtml(o: { nonce: string; scriptUri: string; styleUri: string; cspSource: string }): string {
  const csp = [`default-src 'none'`, `style-src ${o.cspSource}`, `script-src 'nonce-${o.nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Manifest form</title>
<link rel="stylesheet" href="${o.styleUri}">
</head>
<body>
<p class="not-web1on1" role="note">${NOT_WEB1ON1}</p>
<div id="form-root"><p class="muted">Reading web1on1-app.json…</p></div>
<script nonce="${o.nonce}" src="${o.scriptUri}"></script>
</body>
</html>`;
}
