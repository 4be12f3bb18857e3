/**
 * Sets `document.title` to "<title> · <product>", as the console's Helmet title template does.
 */
import { useEffect } from 'react';

export const productName = () => window.SERVER_FLAGS.customProductName || 'OKD';

export const DocumentTitle = ({ children }: { children: string }) => {
  useEffect(() => {
    const previous = document.title;
    document.title = children ? `${children} · ${productName()}` : productName();
    return () => {
      document.title = previous;
    };
  }, [children]);
  return null;
};

export default DocumentTitle;
