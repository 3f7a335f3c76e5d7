import type { HostApi } from '#shared/host/host-api';
import { createBrowserHost } from './browser-host';

/** The only place that knows whether we run in Electron or in a browser. */
export const host: HostApi = window.rumijaHost ?? createBrowserHost();
