import { expect, test } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, setSpeed, stat } from './helpers.ts';

test('a resequencer after a link that reorders: the consumer sees producer order again', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 160, 280);
  await dropFromPalette(page, 'resequencer', 460, 280);
  await dropFromPalette(page, 'consumer', 760, 280);
  await connectNodes(page, 'producer-1', 'resequencer-1');
  await connectNodes(page, 'resequencer-1', 'consumer-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // 50 messages a second over a link that takes 5 to 205 ms and may reorder.
  await page.getByTestId('node-producer-1').click();
  await page.getByTestId('field-rate').fill('50');
  await page.getByTestId('field-limit').fill('200');
  await page.getByTestId('rf__edge-e-1').click();
  await page.getByTestId('field-jitter').fill('200');
  await page.getByTestId('field-ordered').uncheck();
  await expect(page.getByTestId('field-ordered')).not.toBeChecked();

  await page.getByTestId('node-resequencer-1').click();
  await page.getByTestId('field-gap-timeout').fill('2000');
  await expect(page.getByTestId('node-resequencer-1')).toContainText('per producer · wait 2 s · buffer 100');

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 30_000 });
  expect(await readNumber(stat(page, 'resequencer-1', 'out'))).toBe(200);
  expect(await readNumber(stat(page, 'consumer-1', 'processed'))).toBe(200);
  // Without it the link's jitter reorders; with it the consumer counts no reorder.
  await expect(stat(page, 'consumer-1', 'reorders')).toHaveCount(0);
});
