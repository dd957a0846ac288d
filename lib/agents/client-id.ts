/**
 * Client ids that name the agent and the host (`<agent>-<host>`), so that a
 * broker's logs, and the sandbox inbox, tell the senders apart. Agents that
 * cannot read the host name when they start get a placeholder that the
 * install step replaces with `hostname -s` on the machine itself.
 */

/** Stands for the short host name until the install step replaces it; plain characters every config language keeps as they are. */
export const HOST_PLACEHOLDER = 'HOSTNAME_HERE';

/** Stands for 48 random hex digits that install.sh generates once (a keystore password it keeps in the service environment). */
export const RANDOM_PLACEHOLDER = 'RANDOM_HERE';

/** `<agent>-HOSTNAME_HERE`: the client id as rendered, before the install step. */
export function clientIdTemplate(agent: string): string {
  return `${agent}-${HOST_PLACEHOLDER}`;
}

/** The shell command (Linux, run as root) that puts this machine's short host name into an installed file. */
export function hostPlaceholderCommand(path: string, sudo = true): string {
  return `${sudo ? 'sudo ' : ''}sed -i "s/${HOST_PLACEHOLDER}/$(hostname -s)/g" ${path}`;
}

/** The PowerShell line that does the same on Windows. */
export function hostPlaceholderPowerShell(path: string): string {
  return `(Get-Content ${path}) -replace '${HOST_PLACEHOLDER}', $env:COMPUTERNAME | Set-Content ${path}`;
}
