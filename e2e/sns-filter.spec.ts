import { expect, test } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectEdge, selectNode, setSpeed, stat } from './helpers.ts';

test('SNS-2: a subscriber with a filter policy gets only the messages whose headers match', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 140, 300);
  await dropFromPalette(page, 'topic', 440, 300);
  await dropFromPalette(page, 'consumer', 780, 140);
  await dropFromPalette(page, 'consumer', 780, 480);
  await connectNodes(page, 'producer-1', 'topic-1');
  await connectNodes(page, 'topic-1', 'consumer-1');
  await connectNodes(page, 'topic-1', 'consumer-2');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // Ten messages, region eu and us in turn.
  await selectNode(page, 'producer-1');
  await page.getByTestId('field-keys').fill('eu, us');
  await page.getByTestId('field-headers').fill('region: {key}');
  await page.getByTestId('field-limit').fill('10');
  await expect(page.getByTestId('node-producer-1')).toContainText('limit 10 · 2 keys · 1 header');

  // topic → consumer-1: only region eu.
  await selectEdge(page, 'e-2', 'topic-1 → consumer-1');
  await expect(page.getByTestId('group-filter-policy')).toContainText('No policy: every message');
  await page.getByTestId('filter-add-key').click();
  await expect(page.getByTestId('filter-key-0-name')).toBeFocused();
  // A condition with no header name is refused with a message and not applied.
  await page.getByTestId('filter-key-0-cond-0-value').fill('eu');
  await expect(page.getByTestId('filter-policy').getByRole('alert')).toHaveText('key 1: give the header name');
  await page.getByTestId('filter-key-0-name').fill('region');
  await expect(page.getByTestId('filter-policy').getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('edge-label-e-2')).toContainText('region=eu');

  // A number condition that is not one is refused; a second condition (OR) shows on the label.
  await page.getByTestId('filter-key-0-add-cond').click();
  await page.getByTestId('filter-key-0-cond-1-op').selectOption('numeric');
  await page.getByTestId('filter-key-0-cond-1-value').fill('>= lots');
  await expect(page.getByTestId('filter-policy').getByRole('alert')).toContainText('"lots" is not a number');
  await page.getByTestId('filter-key-0-cond-1-op').selectOption('prefix');
  await page.getByTestId('filter-key-0-cond-1-value').fill('eu-');
  await expect(page.getByTestId('edge-label-e-2')).toContainText('region=eu|eu-*');
  await page.locator('.mf-inspector').screenshot({ path: 'test-results/sns-filter.png' });
  await page.getByTestId('filter-key-0-cond-1-remove').click();
  await expect(page.getByTestId('edge-label-e-2')).toContainText('region=eu');
  await expect(page.getByTestId('edge-label-e-2')).not.toContainText('eu-*');

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await expect.poll(() => readNumber(stat(page, 'consumer-2', 'processed')), { timeout: 20_000 }).toBe(10);
  await expect.poll(() => readNumber(stat(page, 'consumer-1', 'processed')), { timeout: 20_000 }).toBe(5);
  expect(await readNumber(stat(page, 'topic-1', 'in'))).toBe(10);
  expect(await readNumber(stat(page, 'topic-1', 'out'))).toBe(15);
  expect(await readNumber(stat(page, 'topic-1', 'filtered'))).toBe(5);
  await expect(page.getByTestId('status-state')).toHaveText('Finished');

  // The policy survives a reload (autosave goes through the file format).
  await page.reload();
  await expect(page.locator('.mf-app[data-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('edge-label-e-2')).toContainText('region=eu');
});

test('SQS-6: a queue with a message size limit refuses larger messages and says so', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 160, 260);
  await dropFromPalette(page, 'queue', 520, 260);
  await connectNodes(page, 'producer-1', 'queue-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // Ten messages of 300 bytes.
  await selectNode(page, 'producer-1');
  await page.getByTestId('field-limit').fill('10');
  await page.getByTestId('field-size-value').fill('300');

  await selectNode(page, 'queue-1');
  await expect(page.getByTestId('field-max-message-bytes')).toHaveAttribute('placeholder', 'no limit');
  await expect(page.getByTestId('group-capacity')).toContainText('1 MiB');
  await page.getByTestId('field-max-message-bytes').fill('0');
  await expect(page.getByTestId('group-capacity').getByRole('alert')).toContainText('must be ≥ 1');
  await page.getByTestId('field-max-message-bytes').fill('256');
  await expect(page.getByTestId('group-capacity').getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('node-queue-1')).toContainText('msg ≤256 B');

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect.poll(() => readNumber(stat(page, 'queue-1', 'too-large')), { timeout: 20_000 }).toBe(10);
  await expect(page.getByTestId('node-queue-1').locator('.mf-stat--minor[title="10 too large"]')).toBeVisible();
  expect(await readNumber(stat(page, 'queue-1', 'depth'))).toBe(0);
  await expect(page.getByTestId('status-state')).toHaveText('Finished');
  await page.screenshot({ path: 'test-results/sqs-size-limit.png' });
});
