import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for the operations in the .graphql files under src/, from the SDL the server emits.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.graphql'],
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        // Both travel as ISO strings.
        scalars: { DateTimeISO: 'string', LocalDate: 'string' },
      },
    },
  },
  silent: true,
};

export default config;
