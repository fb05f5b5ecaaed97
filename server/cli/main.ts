import './heap';
import { parseArgs } from 'node:util';
import { ConfigError } from '../../rules/src/config';
import { check, type CheckOptions } from './check';
import { explain, listRules, report } from './commands';
import { init } from './init';
import { processIo, type CliIo } from './io';
import { parseNow, UsageError } from './usage';
import { TOOL_VERSION } from '../shared/version';

const USAGE = `Usage: policy-lens <command> [options]

Checks a Web1on1 app (bot or integration) against the Web1on1 Developer Policy.
Policy Lens is an independent tool, not made or endorsed by Web1on1.

Commands:
  check [PATH ...]          check files, app folders or a monorepo (default: .)
  init [PATH]               write web1on1-app.json from what the code uses
  report [PATH]             the compliance report (markdown; --format html)
  rules [--format json]     the rule catalog with clauses
  explain <rule-id|clause>  what a rule or clause means, why, and how to fix

check options:
  --format text|json|sarif|markdown|html|gitlab   output format (default text;
                             gitlab: GitLab's Code Quality report)
  --output FILE              write results to FILE instead of stdout
  --summary FILE             also write a short Markdown summary (for a CI job page)
  --config FILE              use this .policylens.json for every file
  --manifest FILE            use this manifest for every file
  --fail-on error|warning|never   exit 1 on findings at or above (default error)
  --max-warnings N           exit 1 when there are more than N warnings
  --baseline FILE            treat findings listed in FILE as accepted
  --update-baseline          write the current findings into --baseline FILE
  --fix                      apply the fixes marked safe, then report what is left
  --fix-unsafe               also apply fixes that change behaviour (https for any host,
                             rewritten chat texts …): review the diff
  --quiet                    report errors only
  --stdin --stdin-filename F check standard input as if it were file F
  --print-config             print the configuration that applies and exit
  --print-bindings           print which manifest each file belongs to and exit
  --now YYYY-MM-DD           the date of the run (suppression expiry)

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or configuration error.`;

export function main(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(parseCheck(rest, io), io);
      case 'init':
        return init(rest, io);
      case 'report':
        return report(rest, io);
      case 'rules':
        return listRules(rest, io);
      case 'explain':
        return explain(rest, io);
      case '--version':
      case '-v':
        io.out(TOOL_VERSION + '\n');
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        io.err(`policy-lens: unknown command "${command}" (try --help)`);
        return 2;
    }
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError) {
      io.err(`policy-lens: ${e.message}`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`policy-lens: ${err.message.split('\n')[0]} (try --help)`);
      return 2;
    }
    // Never a stack trace for the user: one line, and the details only when asked for.
    io.err(`policy-lens: internal error: ${(e as Error).message ?? String(e)}${process.env['POLICY_LENS_DEBUG'] ? '\n' + (e as Error).stack : ' (set POLICY_LENS_DEBUG=1 for details)'}`);
    return 2;
  }
}

const FORMATS = ['text', 'json', 'sarif', 'markdown', 'html', 'gitlab'] as const;

function parseCheck(args: string[], io: CliIo): CheckOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      summary: { type: 'string' },
      config: { type: 'string', short: 'c' },
      manifest: { type: 'string' },
      'max-warnings': { type: 'string' },
      'fail-on': { type: 'string' },
      baseline: { type: 'string' },
      'update-baseline': { type: 'boolean' },
      fix: { type: 'boolean' },
      'fix-unsafe': { type: 'boolean' },
      quiet: { type: 'boolean' },
      stdin: { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      'print-config': { type: 'boolean' },
      'print-bindings': { type: 'boolean' },
      now: { type: 'string' },
    },
  });
  const format = (values.format ?? 'text') as CheckOptions['format'];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const failOn = (values['fail-on'] ?? 'error') as CheckOptions['failOn'];
  if (!['error', 'warning', 'info', 'never'].includes(failOn)) throw new UsageError('--fail-on must be error, warning, info or never');
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number ≥ 0');
  }
  if (values['update-baseline'] && !values.baseline) throw new UsageError('--update-baseline needs --baseline FILE');
  if (values.stdin && !values['stdin-filename']) throw new UsageError('--stdin needs --stdin-filename FILE (the path the text stands for)');
  if (values.stdin && (values.fix || values['fix-unsafe'])) throw new UsageError('--fix cannot write to standard input');
  return {
    paths: positionals,
    format,
    output: values.output,
    summary: values.summary,
    config: values.config,
    manifest: values.manifest,
    maxWarnings,
    failOn,
    baseline: values.baseline,
    updateBaseline: !!values['update-baseline'],
    fix: values['fix-unsafe'] ? 'all' : values.fix ? 'safe' : false,
    quiet: !!values.quiet,
    stdinFilename: values.stdin ? values['stdin-filename'] : undefined,
    stdinText: values.stdin ? io.readStdin() : undefined,
    printConfig: !!values['print-config'],
    printBindings: !!values['print-bindings'],
    now: parseNow(values.now),
  };
}

if (require.main === module) {
  const code = main(process.argv.slice(2), processIo());
  process.exitCode = code;
}
