// What the .vsix shows a user: the users' README (not the developers'), its screenshots and the walkthrough's
// pages shipped inside the package, no remote images, and commands that exist behind every walkthrough button.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { minimatch } from 'minimatch';
import { REPO } from '../support/rule-folders';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  activationEvents: string[];
  contributes: { commands: { command: string }[]; menus: { commandPalette: { command: string; when: string }[] }; walkthroughs: { steps: { description: string; media: { markdown?: string; image?: unknown }; completionEvents: string[] }[] }[] };
};
const ignore = readFileSync(join(REPO, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

/** Whether vsce packs `path`, by .vscodeignore's rules (last matching rule wins; `!` re-includes). */
function shipped(path: string): boolean {
  let included = true;
  for (const rule of ignore) {
    const negated = rule.startsWith('!');
    if (minimatch(path, negated ? rule.slice(1) : rule, { dot: true })) included = negated;
  }
  return included;
}

const readmePath = /--readme-path (\S+)/.exec(pkg.scripts['package'] ?? '')?.[1];

describe('the extension package', () => {
  it('packs the users\' README with its images bundled (relative, shipped, no rewriting to remote URLs)', () => {
    assert.ok(readmePath, 'the package script names the users\' README with --readme-path');
    assert.match(pkg.scripts['package']!, /--no-rewrite-relative-links/, 'vsce would point the images at GitHub otherwise');
    const readme = readFileSync(join(REPO, readmePath), 'utf8');
    assert.match(readme, /not made, reviewed or endorsed by Web1on1/);
    assert.match(readme, /## Privacy[\s\S]*offline[\s\S]*no\s+telemetry/i);
    assert.doesNotMatch(readme, /npm ci|npm test|benchmark|\.\.\/shared|\/work\//i, 'no developer instructions');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    assert.ok(images.length >= 3, 'screenshots');
    for (const src of images) {
      assert.doesNotMatch(src, /^[a-z]+:/i, `${src}: bundled, not fetched`);
      assert.ok(existsSync(join(REPO, src)), `${src} exists`);
      assert.ok(shipped(src), `${src} is in the .vsix (.vscodeignore)`);
    }
    assert.equal(shipped('README.md'), false, 'the developers\' README stays in the repository');
    const hidden = new Set(pkg.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
    for (const c of pkg.contributes.commands.filter((x) => !hidden.has(x.command))) assert.ok(readme.includes(c.command.replace('policyLens.', '')) || readme.includes(titleOf(c.command)), `the README lists ${c.command}`);
  });

  it('the walkthrough\'s pages are shipped markdown, and its buttons run commands that exist', () => {
    const ids = new Set(pkg.contributes.commands.map((c) => c.command));
    const steps = pkg.contributes.walkthroughs[0]!.steps;
    assert.equal(steps.length, 5);
    for (const s of steps) {
      const md = s.media.markdown;
      assert.ok(md && existsSync(join(REPO, md)) && shipped(md), `${md} is a shipped page`);
      assert.doesNotMatch(readFileSync(join(REPO, md), 'utf8'), /!\[|https?:\/\/\S+\.(png|jpe?g|gif|svg)/, 'no images to fetch');
      for (const m of s.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(ids.has(m[1]!) || m[1]!.startsWith('workbench.'), `${m[1]} exists`);
      for (const e of s.completionEvents) if (e.startsWith('onCommand:policyLens.')) assert.ok(ids.has(e.slice('onCommand:'.length)), e);
    }
  });

  it('activates after start-up to decide in code, not on node_modules (which VS Code\'s search skips)', () => {
    assert.ok(pkg.activationEvents.includes('onStartupFinished'));
    assert.ok(!pkg.activationEvents.some((e) => e.includes('node_modules')));
  });
});

function titleOf(command: string): string {
  return (pkg.contributes.commands as { command: string; title?: string }[]).find((c) => c.command === command)?.title ?? command;
}
