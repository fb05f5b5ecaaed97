// What the bundles use of ts-morph at run time: only its bundled TypeScript compiler API (TypeScript 6;
// the 7.x native port has no API). Aliased in scripts/build.mjs so the bundles carry neither the
// ts-morph wrapper library nor @ts-morph/common's other modules: less to load at every start.
'use strict';
module.exports = { ts: require('@ts-morph/common/dist/typescript.js') };
