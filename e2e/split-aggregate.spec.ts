import { expect, test } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectNode, setSpeed, stat } from './helpers.ts';

test('a splitter cuts each message into N parts and an aggregator puts every one back together', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 120, 280);
  await dropFromPalette(page, 'splitter', 370, 280);
  await dropFromPalette(page, 'aggregator', 620, 280);
  await dropFromPalette(page, 'consumer', 870, 280);
  await connectNodes(page, 'producer-1', 'splitter-1');
  await connectNodes(page, 'splitter-1', 'aggregator-1');
  await connectNodes(page, 'aggregator-1', 'consumer-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  await selectNode(page, 'producer-1');
  await page.getByTestId('field-rate').fill('20');
  await page.getByTestId('field-limit').fill('30');

  // N = 5 parts per message, set in the inspector.
  await selectNode(page, 'splitter-1');
  await page.getByTestId('field-parts').fill('5');
  await expect(page.getByTestId('node-splitter-1')).toContainText('5 parts · even share');

  await selectNode(page, 'aggregator-1');
  await expect(page.getByTestId('node-aggregator-1')).toContainText('all N parts · timeout 5 s');

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 30_000 });
  expect(await readNumber(stat(page, 'splitter-1', 'out'))).toBe(150);
  expect(await readNumber(stat(page, 'aggregator-1', 'completed'))).toBe(30);
  expect(await readNumber(stat(page, 'aggregator-1', 'partial'))).toBe(0);
  expect(await readNumber(stat(page, 'aggregator-1', 'open'))).toBe(0);
  expect(await readNumber(stat(page, 'consumer-1', 'processed'))).toBe(30);
  await page.screenshot({ path: '/tmp/shot-split.png' });
});

test('scenario 17 without the resequencer: the aggregator lists the parts it collects, with their order and place', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-scenarios').click();
  await page.getByTestId('scenario-item-17-splitter-processing-aggregator').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Splitter, processing, aggregator');
  await page.getByTestId('scenario-panel').getByTestId('variant-no-resequencer').click();
  await expect(page.getByTestId('node-reorder')).toContainText('buffer 1');

  // Step the paused run until an order's first items wait at the aggregator for the rest.
  await selectNode(page, 'assemble');
  const rows = page.getByTestId('held-messages').getByTestId('held-row');
  await expect(async () => {
    if ((await rows.count()) === 0) await page.getByTestId('btn-step').click();
    await expect(rows.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('held-counts')).toContainText('collecting');
  await expect(rows.first().getByTestId('held-correlation')).toHaveText(/^part [1-4]\/4 of #\d+$/);
  expect(await readNumber(stat(page, 'assemble', 'open'))).toBeGreaterThan(0);
  await page.getByTestId('held-messages').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shot-split-held.png' });
});
