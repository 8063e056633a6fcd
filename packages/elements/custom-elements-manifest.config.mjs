// custom-elements.json: the elements' public contract (tags, attributes, properties, events, slots,
// parts, CSS properties), generated from the classes' JSDoc. Run from packages/elements:
//   npm run cem          regenerate (commit the result)
//   npm run cem:check    fail when the committed file is stale
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/i18n/**', 'src/cdn/**', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest (`customElements`); do not rewrite it.
  packagejson: false,
  dependencies: false,
};
