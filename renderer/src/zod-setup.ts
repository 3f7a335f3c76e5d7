import { z } from 'zod';

// The CSP forbids eval; without this zod probes `new Function` and the browser reports a violation.
// Imported first in main.tsx so it runs before any schema is built.
z.config({ jitless: true });
