import type { ValidateFunction } from 'ajv';
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import schema from '../schema/policylens.schema.json';
import { trimTrailing } from './text';
import type { Severity } from './types';

export const CONFIG_NAME = '.policylens.json';

export type RuleSetting = Severity | 'off' | { severity?: Severity | 'off'; options?: Record<string, unknown>; reason?: string };

export interface PolicyConfig {
  rules?: Record<string, RuleSetting>;
  exclude?: ({ glob: string; reason?: string } | string)[];
  sdkModules?: string[];
  testGlobs?: string[];
  docsBaseUrl?: string;
  maxFileBytes?: number;
}

export interface ResolvedConfig {
  /** Absolute path of the config file, or undefined for the defaults. */
  path: string | undefined;
  text: string | undefined;
  raw: PolicyConfig;
  sdkModules: string[];
  testGlobs: string[];
  docsBaseUrl: string;
  maxFileBytes: number;
}

export const DEFAULT_DOCS_BASE = 'https://github.com/policy-lens/policy-lens/blob/main/rules';
export const DEFAULT_TEST_GLOBS = ['**/test/**', '**/tests/**', '**/__tests__/**', '**/*.test.*', '**/*.spec.*', '**/fixtures/**'];
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export class ConfigError extends Error {}

let compiled: ValidateFunction | undefined;
/**
 * Loaded and compiled on first use: most runs have no .policylens.json, and loading ajv alone was 3% of a cold
 * check of 860 files (start-up time matters for editors too).
 */
function validate(raw: unknown): boolean {
  if (!compiled) {
    // a require here, not an import: the bundle then evaluates ajv only when a config is read
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    compiled = new Ajv({ allErrors: false, strict: false }).compile(schema);
  }
  return compiled(raw) as boolean;
}

let defaults: ResolvedConfig | undefined;
/** The configuration without a .policylens.json: one shared object, so what is derived from it is cached once. */
export function defaultConfig(): ResolvedConfig {
  return (defaults ??= resolve(undefined, undefined, {}));
}

/** Parses and validates a `.policylens.json`; throws ConfigError with one readable line. */
export function parseConfig(path: string, text: string, knownRuleIds: ReadonlySet<string>): ResolvedConfig {
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: true });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new ConfigError(`${path}: nested too deeply to read`);
  }
  // getNodeValue makes objects without a prototype: a "__proto__" key is a key (reported as unknown), not a prototype
  const raw: unknown = tree ? getNodeValue(tree) : undefined;
  if (errors.length) {
    const e = errors[0]!;
    const line = text.slice(0, e.offset).split('\n').length;
    throw new ConfigError(`${path}:${line}: invalid JSON (${printParseErrorCode(e.error)})`);
  }
  if (!validate(raw)) {
    const e = compiled?.errors?.[0];
    const where = e?.instancePath || '/';
    throw new ConfigError(`${path}: ${where} ${e?.message ?? 'is invalid'}${e?.params && 'additionalProperty' in e.params ? ` ("${String(e.params.additionalProperty)}")` : ''}`);
  }
  const cfg = raw as PolicyConfig;
  for (const id of Object.keys(cfg.rules ?? {})) {
    if (!knownRuleIds.has(id)) throw new ConfigError(`${path}: unknown rule "${id}" in "rules" (see \`policy-lens rules\`)`);
  }
  return resolve(path, text, cfg);
}

function resolve(path: string | undefined, text: string | undefined, raw: PolicyConfig): ResolvedConfig {
  return {
    path,
    text,
    raw,
    sdkModules: ['chipchat', ...(raw.sdkModules ?? [])],
    testGlobs: raw.testGlobs ?? DEFAULT_TEST_GLOBS,
    docsBaseUrl: trimTrailing(raw.docsBaseUrl ?? DEFAULT_DOCS_BASE, '/'),
    maxFileBytes: raw.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  };
}

export interface EffectiveRuleSetting {
  severity: Severity | 'off';
  options: Record<string, unknown>;
  /** The setting turns the rule off with a reason (reported as an exemption). */
  offReason?: string;
  /** A config exemption without a reason: it does not take effect and is reported. */
  invalid?: string;
}

export function ruleSetting(config: ResolvedConfig, id: string, defaults: { severity: Severity; options?: Record<string, unknown> }): EffectiveRuleSetting {
  const s = config.raw.rules?.[id];
  const base: EffectiveRuleSetting = { severity: defaults.severity, options: { ...(defaults.options ?? {}) } };
  if (s === undefined) return base;
  if (typeof s === 'string') {
    if (s === 'off') return { ...base, invalid: `turning "${id}" off needs a reason: { "severity": "off", "reason": "…" }` };
    return { ...base, severity: s };
  }
  const options = { ...base.options, ...(s.options ?? {}) };
  if (s.severity === 'off') {
    if (!s.reason?.trim()) return { ...base, options, invalid: `turning "${id}" off needs a reason` };
    return { severity: 'off', options, offReason: s.reason.trim() };
  }
  return { severity: s.severity ?? base.severity, options };
}
