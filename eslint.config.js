// Lint the sources the way the field does: typescript-eslint's recommended rules everywhere, and
// eslint-plugin-lit's rules for templates. Types are checked by `tsc`; bindings by lit-analyzer.
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/.tmp*', '**/.tmp*/**', '**/scratch*', '**/node_modules/**', 'storybook-static/**', 'docs/api/**', '.partnerkit/**', 'coverage/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['packages/elements/src/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Command-line programs, scripts, examples, benchmarks and tests talk to people through the console.
    files: ['scripts/**', 'bench/**', 'examples/**', 'packages/*/scripts/**', 'packages/*/test/**', 'packages/server/src/cli*.ts', 'packages/server/src/cli/**', 'packages/conformance/src/cli*.ts', 'packages/conformance/src/cli/**', '*.mjs', '*.js'],
    rules: { 'no-console': 'off' },
  },
);
