import { config } from 'zod/mini';

// No eval: zod would otherwise probe `new Function`, which the Content-Security-Policy forbids.
config({ jitless: true });
