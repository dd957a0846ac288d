/** What the wizard's form starts with: the schema's defaults, empty names and credentials, the default agents chosen. */
import { DEFAULT_AGENT_CHOICE } from '../agents/meta';
import type { SettingsInput } from './schema';

export const FORM_DEFAULTS: SettingsInput = {
  region: 'cn-hangzhou',
  network: 'internet',
  hostForm: 'project',
  project: '',
  logstore: '',
  accessKeyId: '',
  accessKeySecret: '',
  secretMode: 'inline',
  target: 'sls',
  expandJson: false,
  agents: { ...DEFAULT_AGENT_CHOICE },
};
