import js from '@eslint/js';
import vueI18n from '@intlify/eslint-plugin-vue-i18n';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'native/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // Every word on screen comes from the messages (src/shared/i18n): raw text in a template would
    // show English next to the desk's language. Symbols and punctuation are not words.
    files: ['src/renderer/**/*.vue'],
    plugins: { '@intlify/vue-i18n': vueI18n },
    settings: { 'vue-i18n': { localeDir: undefined, messageSyntaxVersion: '^11.0.0' } },
    rules: {
      '@intlify/vue-i18n/no-raw-text': [
        'error',
        { ignorePattern: '^[-–—−·•×✓✕⌫‹›↵+#:/|()…%0-9\\s]+$', ignoreText: ['', '· Electron'] }, // '' in `a ? b : ''`; a product name
      ],
    },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "Only the shell (src/main/shell, src/preload) may import 'electron'." }],
        },
      ],
    },
  },
  {
    // Dates and numbers on screen and paper follow the desk language through src/shared/format and
    // src/renderer/src/i18n/format.ts; a formatter without a locale takes the PC's (issue 25 §14).
    files: ['src/renderer/**/*.{ts,vue}', 'src/main/print/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['NewExpression', 'CallExpression'].flatMap((node) => [
          {
            selector: `${node}[callee.object.name='Intl'][arguments.length=0]`,
            message: 'Intl formatters need the desk language: use the shared formatters (src/shared/format).',
          },
          {
            selector: `${node}[callee.object.name='Intl'][arguments.0.type='Identifier'][arguments.0.name='undefined']`,
            message: 'Intl formatters need the desk language: use the shared formatters (src/shared/format).',
          },
        ]),
        {
          selector: 'CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/][arguments.length=0]',
          message: 'toLocale*String() without a locale uses the PC’s language: use the shared formatters.',
        },
        {
          selector:
            "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/][arguments.0.type='Identifier'][arguments.0.name='undefined']",
          message: 'toLocale*String(undefined) uses the PC’s language: use the shared formatters.',
        },
      ],
    },
  },
  {
    files: [
      'src/main/shell/**/*.ts',
      'src/main/index.ts',
      'src/main/ipc.ts',
      'src/preload/**/*.ts',
      'test/main/shell/**/*.ts',
      'electron.vite.config.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  prettier,
);
