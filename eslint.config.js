import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LIB_BOUNDARY = 'Import another lib only through its index.ts.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/libs/*/src/**', '!**/libs/*/src/index.js'], message: LIB_BOUNDARY }] },
      ],
    },
  },
  {
    // Inside libs, a sibling lib is reached by a relative path: it too must go through index.ts.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*/src/**', '../../../*/src/**', '../../../../*/src/**', '!**/src/index.js'],
              message: LIB_BOUNDARY,
            },
          ],
        },
      ],
    },
  },
);
