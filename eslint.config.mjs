import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-4.19/',
      'dist-cli/',
      'coverage/',
      '.cluster/',
      'integration-tests/results/',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/cli/**', 'scripts/**', 'integration-tests/**', 'webpack.config.ts', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Which console the plugin runs in is known to src/compat alone (two builds, one source).
    files: ['src/**/*.{ts,tsx}'],
    ignores: [
      'src/compat/**',
      'src/**/*.test.{ts,tsx}',
      'src/test-setup.ts',
      'src/test-support/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'react-i18next',
            'react-router',
            'react-router-dom',
            'react-router-dom-v5-compat',
          ].map((name) => ({ name, message: 'Import it from src/compat/console-api.' })),
        },
      ],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
