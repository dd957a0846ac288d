/**
 * Strings of the validation report (components/validate/ValidateReport.tsx,
 * loaded when a check runs): each doctor step's label, SLS error
 * explanations and every HTTP or network failure, in English and Simplified Chinese.
 * The table itself is data (./data/validate-report.json, `{ en, zh }` per key); this
 * module types it, so an unknown key is a compile error.
 */
import type { Messages } from '../core';
import table from './data/validate-report.json';

export const validateReportMessages = table satisfies Messages;

export type ValidateReportMessageKey = keyof typeof validateReportMessages;
