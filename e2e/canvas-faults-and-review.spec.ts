import { expect, test, type Page } from '@playwright/test';
import { freshStart, readNumber, selectNode, stat } from './helpers.ts';

// Set to a directory to save pictures of the fault menu and the review panel.
const SHOTS = process.env.REVIEW_SHOTS;

/** A counter that shows only once it is above zero (a node's second line): 0 while absent. */
async function minorCount(page: Page, nodeId: string, name: string): Promise<number> {
  const counter = stat(page, nodeId, name);
  return (await counter.count()) === 0 ? 0 : readNumber(counter);
}

// A level link's box is a line with no height, which Playwright calls invisible; the click
// still lands on the line (its 24 px hit area).
const ON_LINE = { force: true } as const;

/** Pauses the run at a moment when worker-1 holds a message, so crashing it must send one back. */
async function pauseWhileBusy(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.getByTestId('btn-play').click();
    await expect(page.getByTestId('btn-play')).toHaveAttribute('aria-pressed', 'false');
    if ((await readNumber(stat(page, 'worker-1', 'busy'))) > 0) return;
    await page.getByTestId('btn-play').click();
    await expect(page.getByTestId('btn-play')).toHaveAttribute('aria-pressed', 'true');
    await page.waitForTimeout(150);
  }
  throw new Error('worker-1 was never busy when paused');
}

test('right-click a consumer to crash it mid-run: its message is redelivered; restart it; cut and heal a link', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-play').click();
  await expect.poll(() => readNumber(page.getByTestId('status-delivered')), { timeout: 15_000 }).toBeGreaterThan(2);
  await pauseWhileBusy(page);
  const redeliveredBefore = await minorCount(page, 'work', 'redelivered');

  const worker = page.getByTestId('node-worker-1');
  await worker.click({ button: 'right' });
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Crash' })).toBeFocused();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/shot-review-fault-menu.png` });
  await menu.getByRole('menuitem', { name: 'Crash' }).click();
  await expect(menu).toHaveCount(0);
  await expect(worker).toHaveAttribute('data-down', 'true');
  await expect(worker.getByTestId('node-down-badge')).toBeVisible();

  // The message it held goes back to the queue and is delivered again (RMQ-C2).
  await page.getByTestId('btn-play').click();
  await expect.poll(() => minorCount(page, 'work', 'redelivered'), { timeout: 15_000 }).toBeGreaterThan(redeliveredBefore);

  // Restart it from the same menu: it processes again.
  await worker.click({ button: 'right' });
  await menu.getByTestId('fault-menu-restart').click();
  await expect(worker).toHaveAttribute('data-down', 'false');
  const processed = await readNumber(stat(page, 'worker-1', 'processed'));
  await expect.poll(() => readNumber(stat(page, 'worker-1', 'processed')), { timeout: 15_000 }).toBeGreaterThan(processed);

  // Cut the producer's link: drawn dashed with a cross; heal it: the cross goes.
  const edge = page.getByTestId('rf__edge-orders-work');
  await edge.click({ button: 'right', ...ON_LINE });
  await menu.getByTestId('fault-menu-cut').click();
  await expect(page.getByTestId('edge-cut-orders-work')).toBeVisible();
  await expect(edge.locator('path.is-cut')).toHaveCount(1);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/shot-review-faults-drawn.png` });
  await edge.click({ button: 'right', ...ON_LINE });
  await menu.getByTestId('fault-menu-heal').click();
  await expect(page.getByTestId('edge-cut-orders-work')).toHaveCount(0);

  // The faults joined the run's schedule: a replay reruns to the same moment with the same numbers.
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('btn-play')).toHaveAttribute('aria-pressed', 'false');
  const counters = async () => [
    await minorCount(page, 'work', 'redelivered'),
    await readNumber(stat(page, 'worker-1', 'processed')),
    await readNumber(stat(page, 'worker-2', 'processed')),
    await readNumber(page.getByTestId('status-delivered')),
  ];
  const before = await counters();
  await page.getByTestId('btn-replay').click();
  await expect.poll(counters, { timeout: 15_000 }).toEqual(before);
});

test('the fault menu works from the keyboard and closes with Escape', async ({ page }) => {
  await freshStart(page);
  // React Flow's wrapper of the node is what takes focus (Tab reaches it).
  const worker = page.locator('.react-flow__node[data-id="worker-2"]');
  await worker.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByTestId('fault-menu-crash')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(worker).toBeFocused();
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-worker-2')).toHaveAttribute('data-down', 'true');
});

test('the Review tab lists design warnings, badges their nodes and leads to the setting that fixes them', async ({ page }) => {
  await freshStart(page);
  // The default scenario: one FIFO queue, two competing consumers.
  await expect(page.getByTestId('node-work').getByTestId('node-lint-badge')).toHaveText(/1/);
  await page.getByTestId('dock-tab-review').click();
  const panel = page.getByTestId('review-panel');
  const fifo = panel.getByTestId('review-fifo-competing-consumers:work');
  await expect(fifo).toContainText('FIFO queue with competing consumers');
  await expect(fifo).toContainText('RMQ-C6');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/shot-review-panel.png` });

  // Opening it selects the queue and focuses the ordering setting; per group fixes it.
  await fifo.getByTestId('review-open').click();
  await expect(page.locator('.mf-inspector__id')).toHaveText('id: work');
  await expect(page.getByTestId('field-ordering')).toBeFocused();
  await page.getByTestId('field-ordering').selectOption('per-group');
  await expect(fifo).toHaveCount(0);
  await expect(page.getByTestId('node-work').getByTestId('node-lint-badge')).toHaveCount(0);
  await expect(page.getByTestId('review-summary')).toContainText('No warnings');

  // Mark the producer's link critical, then make a consumer auto-ack: it is warned about.
  await page.getByTestId('rf__edge-orders-work').click(ON_LINE);
  await expect(page.locator('.mf-inspector__id')).toHaveText('orders → work');
  await page.getByTestId('field-critical').check();
  await selectNode(page, 'worker-1');
  await page.getByTestId('field-ack-auto').check();
  const atMostOnce = panel.getByTestId('review-at-most-once-in-critical-path:worker-1');
  await expect(atMostOnce).toContainText('RMQ-C1');
  await expect(page.getByTestId('node-worker-1').getByTestId('node-lint-badge')).toBeVisible();
  await atMostOnce.getByTestId('review-open').click();
  await expect(page.getByTestId('field-ack-auto')).toBeFocused();
  await page.getByTestId('field-ack-after-processing').check();
  await expect(atMostOnce).toHaveCount(0);
});
