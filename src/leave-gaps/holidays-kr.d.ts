// The project compiles with `moduleResolution: node10`, which ignores package `exports`;
// Node itself resolves this subpath at run time (an ES module, loaded by require() since Node 20.19).
declare module '@hyunbinseo/holidays-kr/all' {
  /** One export per year, `y2026`: each public holiday's date → its names. */
  const years: Record<string, Readonly<Record<string, readonly string[]>>>;
  export = years;
}
