import { expect, test } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber } from './helpers.ts';

test('build producer → queue → consumer from the palette and watch messages arrive', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  await dropFromPalette(page, 'producer', 180, 260);
  await dropFromPalette(page, 'queue', 480, 260);
  await dropFromPalette(page, 'consumer', 780, 260);
  await expect(page.getByTestId('node-producer-1')).toBeVisible();
  await expect(page.getByTestId('node-queue-1')).toBeVisible();
  await expect(page.getByTestId('node-consumer-1')).toBeVisible();

  await connectNodes(page, 'producer-1', 'queue-1');
  await connectNodes(page, 'queue-1', 'consumer-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // A refused connection (the producer already has its one output) adds nothing.
  await connectNodes(page, 'producer-1', 'consumer-1');
  await expect(page.getByTestId('notice').first()).toContainText('Cannot connect');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await expect.poll(() => readNumber(page.getByTestId('status-delivered')), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect
    .poll(() => readNumber(page.getByTestId('node-consumer-1').getByTestId('stat-processed')), { timeout: 15_000 })
    .toBeGreaterThan(0);
  expect(await readNumber(page.getByTestId('status-produced'))).toBeGreaterThan(0);

  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
});
