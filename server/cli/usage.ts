import { runDate } from '../shared/compliance-report';

/** A command line the CLI cannot run: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** `--now YYYY-MM-DD`, or today. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = runDate(value);
  if (!date) throw new UsageError('--now takes a date as YYYY-MM-DD');
  return date;
}
