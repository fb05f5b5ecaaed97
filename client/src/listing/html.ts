// The preview's page shell. Nothing from the workspace is ever written into this HTML: the script
// renders the model with DOM calls (textContent), so the shell is a constant apart from the CSP source,
// the nonce and the script's URI. The CSP allows only our nonce'd script and style, and images from the
// webview's own resource origin (the icon, via asWebviewUri).

/** Said on every view of the preview, loading and error states included. */
export const NOT_WEB1ON1 =
  'Policy Lens preview — this is not a Web1on1 screen. Policy Lens is not made or endorsed by Web1on1; the scopes are Policy Lens’s own least-privilege declaration, not Web1on1 permissions.';

export function listingHtml(o: { cspSource: string; nonce: string; scriptUri: string }): string {
  const csp = [`default-src 'none'`, `img-src ${o.cspSource}`, `style-src 'nonce-${o.nonce}'`, `script-src 'nonce-${o.nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview listing</title>
<style nonce="${o.nonce}">${STYLES}</style>
</head>
<body>
<p class="not-web1on1" role="note" id="not-web1on1">${NOT_WEB1ON1}</p>
<main id="listing-root" aria-live="polite"><p class="muted">Reading the manifest…</p></main>
<script nonce="${o.nonce}" src="${o.scriptUri}"></script>
</body>
</html>`;
}

// VS Code theme variables only: light, dark and high-contrast themes all read right.
const STYLES = `
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:0 1.25rem 2rem;max-width:52rem;line-height:1.45}
.not-web1on1{margin:.75rem 0 1rem;padding:.5rem .75rem;border:1px solid var(--vscode-editorWarning-foreground,var(--vscode-contrastBorder,#c80));border-radius:4px;font-size:.92em}
h1{font-size:1.5em;margin:0}
h2{font-size:1.1em;margin:1.5rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--vscode-panel-border,var(--vscode-contrastBorder,#8884))}
.card{display:flex;gap:1rem;align-items:flex-start}
.icon{width:72px;height:72px;border-radius:14px;flex:none;object-fit:cover;border:1px solid var(--vscode-panel-border,#8884)}
.icon-placeholder{display:flex;align-items:center;justify-content:center;font-size:2rem;font-weight:600;background:var(--vscode-badge-background);color:var(--vscode-badge-foreground)}
.muted,.by,.meta{color:var(--vscode-descriptionForeground)}
.short{font-weight:600;margin:.75rem 0 .25rem}
.description{white-space:pre-wrap;margin:.25rem 0}
ul.plain{list-style:none;padding:0;margin:0}
ul.plain>li{padding:.4rem 0;border-bottom:1px solid var(--vscode-panel-border,#8882)}
.chip{display:inline-block;font-size:.85em;padding:0 .45em;border-radius:1em;margin-left:.4em;border:1px solid currentColor;white-space:nowrap}
.pd-consumer,.pd-staff,.pd-secret,.pd-unknown{color:var(--vscode-editorWarning-foreground,#b60)}
.pd-none{color:var(--vscode-descriptionForeground)}
code{font-family:var(--vscode-editor-font-family);font-size:.92em}
.why{display:block;font-size:.92em;color:var(--vscode-descriptionForeground)}
.code-use{display:block;font-size:.92em}
.use-cannot-tell{font-style:italic}
.added::before{content:"+ ";font-weight:700}
.dropped::before{content:"− ";font-weight:700}
dl.links{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}
dl.links dt{font-weight:600}
dl.links dd{margin:0;overflow-wrap:anywhere}
.problem{color:var(--vscode-errorForeground)}
button.link{background:none;border:none;padding:0;margin-left:.5em;color:var(--vscode-textLink-foreground);cursor:pointer;font:inherit;text-decoration:underline}
button.link:focus-visible{outline:1px solid var(--vscode-focusBorder);outline-offset:2px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--vscode-panel-border,#8882)}
.tone-findings{color:var(--vscode-errorForeground);font-weight:600}
.tone-open{color:var(--vscode-editorWarning-foreground,#b60)}
.tone-quiet{color:var(--vscode-descriptionForeground)}
td ul{margin:.25rem 0 0;padding-left:1.1rem}
.notice{padding:.4rem .6rem;border-left:3px solid var(--vscode-editorWarning-foreground,#b60)}
footer{margin-top:1.5rem;font-size:.9em;color:var(--vscode-descriptionForeground)}
`;
