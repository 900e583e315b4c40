/**
 * "use-sync-external-store/shim" for @xstate/react (see vite.config.ts): the shim brings its own
 * useSyncExternalStore for React before 18; React 19 has it, so the app ships React's alone.
 */
export { useSyncExternalStore } from 'react';
