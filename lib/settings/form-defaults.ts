/** What the wizard's form starts with: the schema's defaults, empty names and credentials, Filebeat chosen. */
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
  agents: { beats: {} },
};
