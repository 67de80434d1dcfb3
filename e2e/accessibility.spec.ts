import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { freshStart, selectNode } from './helpers.ts';

/** Axe's serious and critical findings on the page as it is now, one line each (rule, impact, where). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

test.describe('accessibility (axe-core)', () => {
  test.beforeEach(async ({ page }) => {
    await freshStart(page);
  });

  test('the main screen', async ({ page }) => {
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the inspector with a node selected', async ({ page }) => {
    await selectNode(page, 'worker-1');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the scenario picker open', async ({ page }) => {
    await page.getByTestId('btn-scenarios').click();
    await expect(page.getByTestId('scenario-picker')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a dock panel open', async ({ page }) => {
    await page.getByTestId('dock-tab-review').click();
    await expect(page.getByTestId('review-panel')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the dark theme', async ({ page }) => {
    await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByTestId('dock-tab-review').click();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('keyboard: Tab reaches the toolbar, the palette and the inspector, with focus visible', async ({ page }) => {
  await freshStart(page);
  const reached = new Set<string>();
  const unmarked: string[] = [];
  for (let i = 0; i < 200 && reached.size < 3; i++) {
    await page.keyboard.press('Tab');
    // A string, because e2e/ compiles without DOM types; it runs in the page.
    const where = await page.evaluate(`(() => {
      const el = document.activeElement;
      if (!el) return null;
      // The ring is on the element, or (inspector fields) on the field's frame around it.
      const ringed = (node) => {
        const style = getComputedStyle(node);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      };
      const frame = el.closest('.mf-field__control');
      const visible = ringed(el) || (frame !== null && ringed(frame));
      const area = el.closest('.mf-toolbar') ? 'toolbar' : el.closest('.mf-palette') ? 'palette' : el.closest('.mf-inspector') ? 'inspector' : null;
      return area ? { area, visible, what: el.outerHTML.slice(0, 80) } : null;
    })()`) as { area: string; visible: boolean; what: string } | null;
    if (where && !reached.has(where.area)) {
      reached.add(where.area);
      if (!where.visible) unmarked.push(where.what);
    }
  }
  expect([...reached].sort()).toEqual(['inspector', 'palette', 'toolbar']);
  expect(unmarked).toEqual([]);
});
