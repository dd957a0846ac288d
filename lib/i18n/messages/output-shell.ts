/**
 * The few strings the output panel's shell shows before the panel itself has
 * loaded (components/output/OutputPanel.tsx): a module of its own, so the
 * first load carries only these (./data/output-shell.json).
 */
import type { Messages } from '../core';
import table from './data/output-shell.json';

export const outputShellMessages = table satisfies Messages;
