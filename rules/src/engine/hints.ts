// What files learn from their neighbours' facts: SDK module factories, SDK instances passed to imported
// functions or exported to importers, HTTP clients and string constants exported by other modules, relative
// imports that resolve to the SDK package itself, and imported webhook signature verifiers.
import { ancestorDirs, resolveRelative } from '../bindings';
import { SDK_PACKAGE } from '../data';
import type { FileHints } from '../model/file-model';
import type { StoreFunction } from '../model/stores';
import type { FileResult } from './types';
import { webhookVerifierHints } from './verification-hints';
import { EVERY_MODULE } from '../model/tracking/directory-loader';

export function neighbourHints(results: ReadonlyMap<string, FileResult>, codeFiles: readonly string[], inputFiles: ReadonlyMap<string, string> = new Map()): Map<string, FileHints> {
  const out = new Map<string, FileHints>();
  const files = new Map(codeFiles.map((f) => [f, true]));
  const lookup = (from: string, spec: string) => resolveRelative(from, spec, files);
  const sdkEntry = sdkEntryResolver(inputFiles);
  for (const [f, r] of results) {
    if (!r.facts) continue;
    for (const spec of r.facts.sdkModuleSpecifiers) {
      const target = lookup(f, spec);
      if (target) out.set(target, { ...out.get(target), sdkModuleFactory: true });
    }
    for (const p of r.facts.sdkPassedToImports) {
      // `./plugins/*`: every module of a folder the file loads by listing it
      const targets = p.spec.endsWith(EVERY_MODULE) ? modulesIn(f, p.spec.slice(0, -EVERY_MODULE.length), codeFiles) : [lookup(f, p.spec)];
      for (const target of targets) {
        if (!target) continue;
        const prev = out.get(target)?.sdkParams ?? {};
        const positions = [...new Set([...(prev[p.exportName] ?? []), p.argIndex])].sort();
        out.set(target, { ...out.get(target), sdkParams: { ...prev, [p.exportName]: positions } });
      }
    }
    for (const o of r.facts.sentImportedObjects ?? []) {
      const target = lookup(f, o.spec);
      if (!target) continue;
      const prev = out.get(target)?.sentByImporters ?? [];
      if (!prev.includes(o.name)) out.set(target, { ...out.get(target), sentByImporters: [...prev, o.name].sort() });
    }
    for (const c of r.facts.importedCalls ?? []) {
      const target = lookup(f, c.spec);
      if (!target) continue;
      const prev = out.get(target)?.calledByImporters ?? [];
      if (!prev.includes(c.name)) out.set(target, { ...out.get(target), calledByImporters: [...prev, c.name].sort() });
    }
    for (const imp of r.facts.relativeImports) {
      if (sdkEntry(f, imp.spec)) {
        const prev = out.get(f)?.sdkSpecifiers ?? [];
        if (!prev.includes(imp.spec)) out.set(f, { ...out.get(f), sdkSpecifiers: [...prev, imp.spec] });
        continue;
      }
      const target = lookup(f, imp.spec);
      const facts = target ? results.get(target)?.facts : undefined;
      if (!facts) continue;
      const exported = facts.exportedHttpClients;
      const clients: Record<string, string> = { ...out.get(f)?.importedHttpClients };
      const instances = new Set(out.get(f)?.importedSdkInstances ?? []);
      const factories = new Set(out.get(f)?.importedSdkFactories ?? []);
      const constants: Record<string, string> = { ...out.get(f)?.importedConstants };
      const follows = facts.followActions ? { ...out.get(f)?.importedFollowActions, ...facts.followActions } : undefined;
      const senders: Record<string, number[]> = { ...out.get(f)?.importedTextSenders };
      const storeFunctions = facts.storeFunctions ? importedStoreFunctions(out.get(f)?.importedStoreFunctions, facts.storeFunctions, target!) : undefined;
      const credentials: Record<string, string> = { ...out.get(f)?.importedCredentials };
      for (const [k, v] of importedCredentials(imp.names, facts.exportedCredentials)) credentials[k] = v;
      for (const n of imp.names) {
        const base = own(exported, n) ?? own(exported, 'default');
        if (base) clients[n] = base;
        if (facts.exportedSdkInstances.includes(n) || facts.exportedSdkInstances.includes('default')) instances.add(n);
        if (facts.exportedSdkFactories?.includes(n) || facts.exportedSdkFactories?.includes('default')) factories.add(n);
        const text = own(facts.exportedConstants, n);
        if (text !== undefined) constants[n] = text;
        // `const { web1on1 } = require('./config')`: a settings group bound by name, read as `web1on1.baseURL`
        else if (Object.keys(facts.exportedConstants).some((k) => k.startsWith(`${n}.`))) {
          for (const [k, v] of Object.entries(facts.exportedConstants)) if (k.startsWith(`${n}.`)) constants[k] = v;
        }
        // `const config = require('./config')`: the module object, whose members are read as `config.pollMs`
        else if (!Object.hasOwn(exported, n)) for (const [k, v] of Object.entries(facts.exportedConstants)) constants[`${n}.${k}`] = v;
        // `sendSms(to, text)` imported by name, or `sms.sendSms(…)` on the module bound to `sms`
        const sent = facts.exportedTextSenders;
        if (sent) {
          const direct = Object.hasOwn(sent, n) ? sent[n] : Object.hasOwn(sent, 'default') ? sent['default'] : undefined;
          if (direct) senders[n] = direct;
          for (const [e, positions] of Object.entries(sent)) senders[`${n}.${e}`] = positions;
        }
      }
      let h = out.get(f) ?? {};
      if (Object.keys(clients).length) h = { ...h, importedHttpClients: clients };
      if (instances.size) h = { ...h, importedSdkInstances: [...instances].sort() };
      if (factories.size) h = { ...h, importedSdkFactories: [...factories].sort() };
      if (Object.keys(constants).length) h = { ...h, importedConstants: constants };
      if (follows) h = { ...h, importedFollowActions: follows };
      if (Object.keys(senders).length) h = { ...h, importedTextSenders: senders };
      if (storeFunctions) h = { ...h, importedStoreFunctions: storeFunctions };
      if (Object.keys(credentials).length) h = { ...h, importedCredentials: credentials };
      if (Object.keys(h).length) out.set(f, h);
    }
  }
  for (const [f, verifiers] of webhookVerifierHints(results, lookup)) out.set(f, { ...out.get(f), webhookVerifiers: verifiers });
  return out;
}

/** Store functions of an imported module, by name, each with the module's path (the store call is there). */
function importedStoreFunctions(prev: Record<string, StoreFunction[]> | undefined, exported: Record<string, StoreFunction[]>, file: string): Record<string, StoreFunction[]> {
  const out: Record<string, StoreFunction[]> = { ...prev };
  for (const [name, fns] of Object.entries(exported)) {
    const list = [...(out[name] ?? [])];
    for (const fn of fns) {
      const withFile = { ...fn, file: fn.file ?? file };
      if (!list.some((x) => x.file === withFile.file && x.start === withFile.start && x.kind === withFile.kind)) list.push(withFile);
    }
    out[name] = list;
  }
  return out;
}

/**
 * What the names an import binds hold of another module's credentials: a named export by its name; a name that is
 * no export (`const config = require('./config')`) is the module object, with its members as `config.member`.
 */
function importedCredentials(names: readonly string[], exported: Record<string, string> | undefined): [string, string][] {
  if (!exported) return [];
  const out: [string, string][] = [];
  for (const n of names) {
    const own = Object.hasOwn(exported, n) ? exported[n] : undefined;
    if (own !== undefined) {
      if (own) out.push([n, own]);
      for (const [k, v] of Object.entries(exported)) if (k.startsWith(`${n}.`)) out.push([k, v]);
      continue;
    }
    const members = Object.entries(exported).filter(([k, v]) => v && !k.includes('.'));
    if (members.length) out.push([n, exported.default || members[0]![1]]);
    for (const [k, v] of members) if (k !== 'default') out.push([`${n}.${k}`, v]);
  }
  return out;
}

/** The code files directly in the folder `spec` names relative to `from`. */
function modulesIn(from: string, spec: string, codeFiles: readonly string[]): string[] {
  const parts = from.split('/').slice(0, -1);
  for (const seg of spec.split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  const dir = `${parts.join('/')}/`;
  return codeFiles.filter((c) => c.startsWith(dir) && !c.slice(dir.length).includes('/'));
}

function own(record: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Whether a relative specifier reaches the SDK package itself: the nearest package.json above its target is
 * the SDK's (by name) and the target is that package's entry (`main`) or a module beside it. The SDK's own
 * examples load it as `require('../lib/chipchat')`; this recognises that by where it leads, not by its text.
 */
function sdkEntryResolver(inputFiles: ReadonlyMap<string, string>): (from: string, spec: string) => boolean {
  const entries = new Map<string, string | null>();
  const entryDir = (pkgDir: string): string | null => {
    let known = entries.get(pkgDir);
    if (known !== undefined) return known;
    known = null;
    try {
      const pkg = JSON.parse(inputFiles.get(pkgDir + '/package.json') ?? 'null') as { name?: unknown; main?: unknown } | null;
      if (pkg && pkg.name === SDK_PACKAGE) {
        const main = normalise(pkgDir, typeof pkg.main === 'string' ? pkg.main : 'index.js');
        known = main.slice(0, main.lastIndexOf('/'));
      }
    } catch {
      // a package.json that does not parse names no package
    }
    entries.set(pkgDir, known);
    return known;
  };
  return (from, spec) => {
    if (!inputFiles.size || !spec.startsWith('.')) return false;
    const target = normalise(from.slice(0, from.lastIndexOf('/')), spec);
    for (const dir of [target, ...ancestorDirs(target)].slice(0, 6)) {
      if (!inputFiles.has(dir + '/package.json')) continue;
      const lib = entryDir(dir);
      if (lib === null) return false;
      // the SDK's own modules requiring each other are not an app loading the SDK
      if (from.startsWith(lib + '/')) return false;
      return target === lib || target.startsWith(lib + '/');
    }
    return false;
  };
}

/** `dir` joined with a relative path, `.` and `..` resolved. */
function normalise(dir: string, rel: string): string {
  const parts = dir.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}
