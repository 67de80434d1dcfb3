import { expect, test } from '@playwright/test';
import { freshStart, readNumber } from './helpers.ts';

// Set to a path to save a picture of the crashed node and the cut link (e.g. /tmp/faults.png).
const SCREENSHOT = process.env.FAULTS_SCREENSHOT;

test('crash and restart a consumer, cut and heal a link, while the run goes on', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await expect.poll(() => readNumber(page.getByTestId('status-delivered')), { timeout: 15_000 }).toBeGreaterThan(0);

  // Crash worker-1 from the inspector.
  const worker = page.getByTestId('node-worker-1');
  await worker.click();
  await expect(page.getByTestId('fault-crash')).toBeVisible();
  await page.getByTestId('fault-crash').click();
  await expect(worker).toHaveAttribute('data-down', 'true');
  await expect(worker.getByTestId('node-down-badge')).toBeVisible();
  await expect(page.getByTestId('fault-restart')).toBeVisible();

  // It stays down while the run goes on: worker-2 keeps processing, worker-1 does not.
  const processed1 = await readNumber(worker.getByTestId('stat-processed'));
  const processed2 = await readNumber(page.getByTestId('node-worker-2').getByTestId('stat-processed'));
  await expect
    .poll(() => readNumber(page.getByTestId('node-worker-2').getByTestId('stat-processed')), { timeout: 15_000 })
    .toBeGreaterThan(processed2 + 2);
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await expect(worker).toHaveAttribute('data-down', 'true');
  expect(await readNumber(worker.getByTestId('stat-processed'))).toBeLessThanOrEqual(processed1 + 1);

  // Cut the producer → queue link.
  const edge = page.getByTestId('rf__edge-orders-work');
  // A level link's box can be zero pixels high, which Playwright counts as not visible:
  // click where the link is.
  await edge.click({ force: true });
  await expect(page.getByTestId('fault-cut')).toBeVisible();
  await page.getByTestId('fault-cut').click();
  await expect(page.getByTestId('edge-cut-orders-work')).toBeVisible();
  await expect(page.getByTestId('fault-heal')).toBeVisible();

  if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });

  // Heal the link: the marker goes.
  await page.getByTestId('fault-heal').click();
  await expect(page.getByTestId('edge-cut-orders-work')).toHaveCount(0);
  await expect(page.getByTestId('fault-cut')).toBeVisible();

  // Restart worker-1: the badge goes and it processes again.
  await worker.click();
  await page.getByTestId('fault-restart').click();
  await expect(worker).toHaveAttribute('data-down', 'false');
  await expect(worker.getByTestId('node-down-badge')).toHaveCount(0);
  await expect(page.getByTestId('fault-crash')).toBeVisible();
  const restartedAt = await readNumber(worker.getByTestId('stat-processed'));
  await expect.poll(() => readNumber(worker.getByTestId('stat-processed')), { timeout: 15_000 }).toBeGreaterThan(restartedAt);
});
