/** Picks a region in the wizard's region combobox the way a keyboard user does: type, arrow to it, Enter. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export async function chooseRegion(page: Page, id: string, query: string = id): Promise<void> {
  const input = page.locator('input#region');
  await input.fill(query);
  const active = async () => {
    const option = await input.getAttribute('aria-activedescendant');
    return option ? page.locator(`[id="${option}"]`).getAttribute('data-value') : null;
  };
  for (let i = 0; i < 40 && (await active()) !== id; i += 1) await page.keyboard.press('ArrowDown');
  expect(await active()).toBe(id);
  await page.keyboard.press('Enter');
  await expect.poll(() => input.getAttribute('data-region')).toBe(id);
}
