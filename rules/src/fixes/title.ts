/**
 * Quick-fix titles are read in the editor's light-bulb menu, which cuts long lines off: at most this
 * many characters. What the fix needs next (fill in a reason, rotate a key) belongs in the rule doc.
 */
export const MAX_FIX_TITLE = 50;

/** `withName(name)` when it fits the menu, else the title without the name (a long host, path or env name). */
export function fixTitle(withName: string, withoutName: string): string {
  return withName.length <= MAX_FIX_TITLE ? withName : withoutName;
}
