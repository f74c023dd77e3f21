/**
 * Architecture rules checked by `npm run check`.
 * The matching core is a pure island: plain input, plain result, so it can be tested,
 * benchmarked and run from the command line without a server or a database.
 */
const CORE = '^src/matching/core/';
/** Pure computation libraries the core may use; nothing that touches I/O or the framework. */
const CORE_ALLOWED_PACKAGES = ['javascript-lp-solver', 'highs'];

module.exports = {
  forbidden: [
    {
      name: 'core-no-framework-or-io',
      comment: 'src/matching/core must not depend on Nest, TypeORM, drivers, queues or I/O modules.',
      severity: 'error',
      from: { path: CORE },
      to: {
        path: [
          '^(node_modules/)?@nestjs/',
          'node_modules/(typeorm|pg|pg-boss|@electric-sql)/',
          '^(node:)?(fs|fs/promises|child_process|worker_threads|net|http|https|http2|dgram|cluster|os|process)$',
        ],
      },
    },
    {
      name: 'core-stays-inside-core',
      comment: 'src/matching/core imports only itself and the allowed solver libraries; no Node built-ins.',
      severity: 'error',
      from: { path: CORE },
      to: {
        pathNot: [CORE, `node_modules/(${CORE_ALLOWED_PACKAGES.join('|')})/`],
      },
    },
    {
      name: 'no-circular',
      comment:
        'Circular run-time imports make module order matter; extract a shared module instead. ' +
        'Type-only cycles are harmless, and so are the two sides of a TypeORM relation ' +
        '(entities refer to each other through lazy `() => Entity` callbacks).',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.entity\\.ts$' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts'],
    },
  },
};
