/** `withBase` bound to this build's base, for components. */
import { withBase } from './paths.ts';

export const url = (path: string): string => withBase(path, import.meta.env.BASE_URL);
