// The project compiles with `moduleResolution: node10`, which ignores package `exports`;
// Node itself resolves these subpaths at run time.
declare module '@electric-sql/pglite/contrib/btree_gist' {
  export const btree_gist: import('@electric-sql/pglite').Extension;
}
declare module '@electric-sql/pglite/contrib/pgcrypto' {
  export const pgcrypto: import('@electric-sql/pglite').Extension;
}
