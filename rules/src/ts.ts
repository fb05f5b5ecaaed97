// TypeScript's compiler API as bundled with ts-morph (TypeScript 6; the 7.x native port has no API).
// Re-bound once here: every `ts.X` read through ts-morph's export getter (and the bundler's import
// wrapper) costs two property getters, on the hottest paths of every rule.
import { ts as tsMorphTs } from 'ts-morph';

export import ts = tsMorphTs;
