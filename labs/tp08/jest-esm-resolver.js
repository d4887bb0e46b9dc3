// Jest resolves with the `require` condition; kubernetes-models' packages export for `import`
// only, so their specifiers are resolved with `import` (and only theirs: other packages keep
// their CommonJS entry points).
const IMPORT_ONLY = /^(kubernetes-models|@kubernetes-models\/[^/]+)(\/|$)/;

module.exports = (request, options) =>
  options.defaultResolver(
    request,
    IMPORT_ONLY.test(request) ? { ...options, conditions: ["import", "node", "default"] } : options,
  );
