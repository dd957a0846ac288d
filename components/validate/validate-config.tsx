'use client';
/**
 * What the server allows the Validate panel to offer, read on the server
 * (lib/sandbox/config: ALLOW_LIVE_CHECK) and handed to the panel through
 * context, so the page passes it without threading it through the wizard.
 * Without the provider, live checks are not offered (the server's default).
 */
import { createContext, useContext, type ReactNode } from 'react';

export interface ValidateConfig {
  /** The server accepts `target: "sls"` (a check against SLS itself). */
  allowLiveCheck: boolean;
}

const ValidateConfigContext = createContext<ValidateConfig>({ allowLiveCheck: false });

export function ValidateConfigProvider({ allowLiveCheck, children }: ValidateConfig & { children: ReactNode }) {
  return <ValidateConfigContext.Provider value={{ allowLiveCheck }}>{children}</ValidateConfigContext.Provider>;
}

export function useValidateConfig(): ValidateConfig {
  return useContext(ValidateConfigContext);
}
