export { useActiveNamespace } from './namespace';
