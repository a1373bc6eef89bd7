import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      // Libraries talk to each other only through their index.ts.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/libs/*/src/*/**', '!**/libs/*/src/index.js'], message: 'Import another lib only through its index.ts.' }] },
      ],
    },
  },
);
