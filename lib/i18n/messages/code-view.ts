/** Strings of the code viewer's toolbar (components/output/CodeView.tsx), in English and Simplified Chinese. */
import type { Messages } from '../core';

export const codeViewMessages = {
  wrap: { en: 'Wrap long lines', zh: '自动换行' },
  fullHeight: { en: 'Show the whole file', zh: '显示整个文件' },
  viewOptions: { en: 'View options for {path}', zh: '{path} 的显示选项' },
} as const satisfies Messages;
