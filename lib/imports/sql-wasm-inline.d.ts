// sql.js's build with its WebAssembly inlined (no .wasm file to serve): the same API as the package's main entry.
declare module "sql.js/dist/sql-wasm-inline.js" {
  import initSqlJs from "sql.js";
  export default initSqlJs;
}
