// What the bundles use of ts-morph at run time: only its bundled TypeScript compiler API (TypeScript 6;
// the 7.x native port has no API). Aliased in scripts/build.mjs so the bundles carry neither the
// ts-morph wrapper library nor @ts-morph/common's other modules: less to load at every start.
// The compiler itself is its own bundle, dist/typescript.js, read from beside the bundle that needs it
// (the path is a variable, so esbuild leaves it out): the CLI and the server's core share one copy of
// its 9 MB in the npm package and the .vsix.
'use strict';
const compiler = require('node:path').join(__dirname, 'typescript.js');
module.exports = { ts: require(compiler) };
