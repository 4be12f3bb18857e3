// Stand-ins for the console SDK's UI components in component tests. The npm SDK only holds
// stubs that the console fills in at run time, so tests render these simple equivalents.
import type { ReactNode } from 'react';

export const DocumentTitle = ({ children }: { children: ReactNode }) => (
  <span data-test="document-title" hidden>
    {children}
  </span>
);

export const ListPageHeader = ({ title, children }: { title: string; children?: ReactNode }) => (
  <header>
    <h1>{title}</h1>
    {children}
  </header>
);
