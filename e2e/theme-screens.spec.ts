import { expect, test, type Page } from '@playwright/test';
import { freshStart, selectNode, setSpeed } from './helpers.ts';

// Pictures of the main screens in both themes, for a person to look over; only on request
// (SCREENS=1), so the ordinary suite stays fast.
const DIR = 'test-results/screens';
const THEMES = ['light', 'dark'] as const;

test.skip(!process.env.SCREENS, 'set SCREENS=1 to take the light and dark screenshots');

async function shoot(page: Page, theme: string, name: string): Promise<void> {
  await page.screenshot({ path: `${DIR}/${theme}-${name}.png`, animations: 'disabled' });
}

for (const theme of THEMES) {
  test(`the main screens in the ${theme} theme`, async ({ page }) => {
    // Before every load, as a saved preference would be (freshStart clears storage and reloads).
    await page.addInitScript(`localStorage.setItem('msgflow:editor', ${JSON.stringify(JSON.stringify({ theme, snapToGrid: false }))})`);
    await freshStart(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    // The canvas running.
    await setSpeed(page, 4);
    await page.getByTestId('btn-play').click();
    await expect.poll(async () => Number(await page.getByTestId('dots-overlay').getAttribute('data-dots')), { timeout: 10_000 }).toBeGreaterThan(0);
    await shoot(page, theme, 'canvas-running');

    // Metrics while it runs.
    await page.getByTestId('dock-tab-metrics').click();
    await page.waitForTimeout(1_500);
    await shoot(page, theme, 'metrics');

    // The event log with a message's trace open (paused, so the rows stay put).
    await page.getByTestId('btn-play').click();
    await expect(page.getByTestId('status-state')).toHaveText('Paused');
    await page.getByTestId('dock-tab-events').click();
    const rows = page.getByTestId('event-log').getByTestId('event-row');
    await rows.last().click();
    await expect(page.getByTestId('message-trace')).toBeVisible();
    await shoot(page, theme, 'events-trace');
    await page.getByTestId('message-trace').getByRole('button', { name: 'Close the trace' }).click();

    // The inspector with a node.
    await page.getByTestId('dock-tab-review').click();
    await selectNode(page, 'work');
    await shoot(page, theme, 'inspector');

    // The scenario picker, then a guided scenario with its counters to watch.
    await page.getByTestId('btn-scenarios').click();
    await expect(page.getByTestId('scenario-picker')).toBeVisible();
    await shoot(page, theme, 'scenario-picker');
    await page.getByTestId('scenario-item-12-ttl-and-dead-letters').click();
    await expect(page.getByTestId('scenario-highlights')).toBeVisible();
    await page.getByTestId('btn-play').click();
    await page.waitForTimeout(2_000);
    await page.getByTestId('scenario-highlights').scrollIntoViewIfNeeded();
    await shoot(page, theme, 'guided-scenario');
    await page.getByTestId('node-dlq').screenshot({ path: `${DIR}/${theme}-watched-counter.png`, animations: 'disabled' });
  });
}
