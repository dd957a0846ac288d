'use client';
/**
 * Marks in the rendered files without touching how they are drawn (CodeView
 * owns that): the placeholders (`<your-project>` …) and, for a moment after an
 * option changes, the lines that changed. Both use the CSS Custom Highlight
 * API (`::highlight(…)` in app/output.css), so the marks survive the plain
 * text being swapped for highlighted tokens: they are recomputed whenever the
 * code's DOM changes. Browsers without the API simply show no marks.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { RenderedFile } from '@/lib/agents/types';
import { PLACEHOLDER_TEXTS } from './placeholders';

export const PLACEHOLDER_HIGHLIGHT = 'wizard-placeholder';
export const CHANGED_HIGHLIGHT = 'wizard-changed';
/** How long changed lines stay marked (unless the user prefers reduced motion: then until the next change). */
export const FLASH_MS = 1600;

/** Indexes of the lines of `next` that were not in `previous` (as many times). */
export function changedLines(previous: string, next: string): number[] {
  const counts = new Map<string, number>();
  for (const line of previous.split('\n')) counts.set(line, (counts.get(line) ?? 0) + 1);
  const changed: number[] = [];
  next.split('\n').forEach((line, i) => {
    const n = counts.get(line) ?? 0;
    if (n > 0) counts.set(line, n - 1);
    else if (line.trim() !== '') changed.push(i);
  });
  return changed;
}

interface TextIndex {
  text: string;
  at(offset: number): [Node, number];
}

/** The text of an element with a map from character offsets back to its text nodes. */
function indexText(root: Element): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  return {
    text,
    at(offset) {
      let i = starts.length - 1;
      while (i > 0 && (starts[i] ?? 0) > offset) i -= 1;
      const node = nodes[i];
      return node ? [node, Math.min(offset - (starts[i] ?? 0), node.data.length)] : [root, 0];
    },
  };
}

function rangeOf(index: TextIndex, start: number, end: number): Range {
  const range = document.createRange();
  const [sn, so] = index.at(start);
  const [en, eo] = index.at(end);
  range.setStart(sn, so);
  range.setEnd(en, eo);
  return range;
}

function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/**
 * Keeps the placeholder and changed-line highlights on the files inside `container`
 * (`pre[data-testid="file-content"]` with `data-path`), for the files given.
 */
export function useCodeMarks(container: RefObject<HTMLElement | null>, files: readonly RenderedFile[]): void {
  const previous = useRef(new Map<string, string>());
  const changed = useRef(new Map<string, number[]>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Which lines changed since the last render of each file.
  useEffect(() => {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const next = new Map<string, number[]>();
    for (const file of files) {
      const key = `${file.agent}/${file.path}`;
      const before = previous.current.get(key);
      if (before !== undefined && before !== file.content) {
        const lines = changedLines(before, file.content);
        if (lines.length > 0) next.set(key, lines);
      }
      previous.current.set(key, file.content);
    }
    if (next.size === 0) return;
    changed.current = next;
    clearTimeout(timer.current);
    // Reduced motion: no blink; the marks stay until the next change.
    if (!reduce) {
      timer.current = setTimeout(() => {
        changed.current = new Map();
        paint();
      }, FLASH_MS);
    }
    paint();
    // paint reads refs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [files]);

  useEffect(() => () => clearTimeout(timer.current), []);

  function paint() {
    const root = container.current;
    if (!root || !highlightsSupported()) return;
    const placeholders: Range[] = [];
    const lines: Range[] = [];
    let firstChanged: { pre: HTMLElement; range: Range } | undefined;
    for (const pre of Array.from(root.querySelectorAll<HTMLElement>('pre[data-testid="file-content"]'))) {
      const index = indexText(pre);
      for (const p of PLACEHOLDER_TEXTS) {
        for (let at = index.text.indexOf(p); at !== -1; at = index.text.indexOf(p, at + p.length)) {
          placeholders.push(rangeOf(index, at, at + p.length));
        }
      }
      const changedHere = changed.current.get(pre.dataset.path ?? '');
      if (changedHere) {
        const starts = [0];
        for (let i = 0; i < index.text.length; i += 1) if (index.text[i] === '\n') starts.push(i + 1);
        for (const line of changedHere) {
          const start = starts[line];
          if (start === undefined) continue;
          const end = starts[line + 1] !== undefined ? (starts[line + 1] as number) - 1 : index.text.length;
          const range = rangeOf(index, start, end);
          lines.push(range);
          if (!firstChanged && pre.offsetParent !== null) firstChanged = { pre, range };
        }
      }
    }
    CSS.highlights.set(PLACEHOLDER_HIGHLIGHT, new Highlight(...placeholders));
    CSS.highlights.set(CHANGED_HIGHLIGHT, new Highlight(...lines));
    // Bring the first changed line of the visible file into its pane.
    if (firstChanged) {
      const { pre, range } = firstChanged;
      const box = range.getBoundingClientRect();
      const paneBox = pre.getBoundingClientRect();
      if (box.top < paneBox.top || box.bottom > paneBox.bottom) {
        pre.scrollTop += box.top - paneBox.top - paneBox.height / 3;
      }
    }
  }

  // Recompute when CodeView swaps plain text for highlighted tokens, or tabs change.
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(paint);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });
    paint();
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      if (highlightsSupported()) {
        CSS.highlights.delete(PLACEHOLDER_HIGHLIGHT);
        CSS.highlights.delete(CHANGED_HIGHLIGHT);
      }
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [container]);
}
