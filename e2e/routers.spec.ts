import { expect, test } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectNode, setSpeed, stat } from './helpers.ts';

test('a content router sends order.* keys to one consumer and the rest to its default route', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 160, 280);
  await dropFromPalette(page, 'content-router', 450, 280);
  await dropFromPalette(page, 'consumer', 760, 150);
  await dropFromPalette(page, 'consumer', 760, 420);
  await connectNodes(page, 'producer-1', 'content-router-1');
  await connectNodes(page, 'content-router-1', 'consumer-1');
  await connectNodes(page, 'content-router-1', 'consumer-2');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // Twelve messages, keys in turn: eight order.*, four refund.eu.
  await selectNode(page, 'producer-1');
  await page.getByTestId('field-keys').fill('order.eu, order.us, refund.eu');
  await page.getByTestId('field-limit').fill('12');
  await expect(page.getByTestId('node-producer-1')).toContainText('limit 12 · 3 keys');

  await selectNode(page, 'content-router-1');
  await expect(page.getByTestId('node-content-router-1')).toContainText('no rules · else unroutable');
  await page.getByTestId('rule-add').click();
  await expect(page.getByTestId('rule-0')).toBeVisible();
  // The target choices are exactly the nodes this router links to.
  await expect(page.getByTestId('field-rule-0-to').locator('option')).toHaveText(['consumer-1 · consumer', 'consumer-2 · consumer']);
  await page.getByTestId('field-rule-0-key').fill('order.*');
  await page.getByTestId('field-rule-0-to').selectOption('consumer-1');

  // A header condition without a name is refused with a message and not applied.
  await page.getByTestId('field-rule-0-add-header').click();
  await page.getByTestId('field-rule-0-header-0-value').fill('eu');
  await expect(page.getByTestId('field-rule-0-headers').getByRole('alert')).toHaveText('header 1: give it a name');
  await page.getByTestId('field-rule-0-header-0-remove').click();
  await expect(page.getByTestId('field-rule-0-headers').getByRole('alert')).toHaveCount(0);

  await expect(page.getByTestId('field-default-to').locator('option')).toHaveText([
    'none — unroutable',
    'consumer-1 · consumer',
    'consumer-2 · consumer',
  ]);
  await page.getByTestId('field-default-to').selectOption('consumer-2');
  await expect(page.getByTestId('node-content-router-1')).toContainText('1 rule · default → consumer-2');

  // Real time (5 messages/s), so the picture below catches messages on their way.
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await page.locator('.react-flow__controls-fitview').click();
  await expect.poll(() => readNumber(stat(page, 'consumer-2', 'processed')), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await page.screenshot({ path: 'test-results/routers-canvas.png' });

  await expect.poll(() => readNumber(stat(page, 'consumer-1', 'processed')), { timeout: 20_000 }).toBe(8);
  await expect.poll(() => readNumber(stat(page, 'consumer-2', 'processed')), { timeout: 20_000 }).toBe(4);
  expect(await readNumber(stat(page, 'content-router-1', 'in'))).toBe(12);
  expect(await readNumber(stat(page, 'content-router-1', 'out'))).toBe(12);
  await expect(stat(page, 'content-router-1', 'dropped')).toHaveCount(0);
  await expect.poll(() => readNumber(page.getByTestId('status-delivered'))).toBe(12);
  expect(await readNumber(page.getByTestId('status-lost'))).toBe(0);

  // A second rule with a header condition, moved to the top: each field follows its rule.
  await page.setViewportSize({ width: 1440, height: 1600 });
  await page.getByTestId('rule-add').click();
  await page.getByTestId('field-rule-1-key').fill('refund.*');
  await page.getByTestId('field-rule-1-add-header').click();
  await page.getByTestId('field-rule-1-header-0-name').fill('region');
  await page.getByTestId('field-rule-1-header-0-value').fill('eu');
  await page.getByTestId('field-rule-1-to').selectOption('consumer-2');
  await page.getByTestId('rule-1-up').click();
  await expect(page.getByTestId('field-rule-0-key')).toHaveValue('refund.*');
  await expect(page.getByTestId('field-rule-0-header-0-name')).toHaveValue('region');
  await expect(page.getByTestId('field-rule-0-to')).toHaveValue('consumer-2');
  await expect(page.getByTestId('field-rule-1-key')).toHaveValue('order.*');
  await expect(page.getByTestId('field-rule-1-headers').locator('input')).toHaveCount(0);
  await expect(page.getByTestId('field-rule-1-to')).toHaveValue('consumer-1');
  await expect(page.getByTestId('node-content-router-1')).toContainText('2 rules · default → consumer-2');
  // The router's whole form, on a screen tall enough to show it.
  await page.locator('.mf-inspector').screenshot({ path: 'test-results/routers-inspector.png' });

  // Its link to consumer-1 deleted, the rule that sent there goes too (the user is told), so it can still run.
  await page.getByTestId('rf__edge-e-2').click();
  await expect(page.locator('.mf-inspector__id')).toHaveText('content-router-1 → consumer-1');
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  // Deleting a link also resets the run, whose notice may come after this one.
  await expect(page.getByTestId('notice').filter({ hasText: '"content-router-1" lost 1 rule whose output is no longer linked' })).toBeVisible();
  await selectNode(page, 'content-router-1');
  await expect(page.getByTestId('rule-1')).toHaveCount(0);
  await expect(page.getByTestId('field-rule-0-key')).toHaveValue('refund.*');
  await expect(page.getByTestId('field-rule-0-to').locator('option')).toHaveText(['consumer-2 · consumer']);
  await expect(page.getByTestId('router-missing')).toHaveCount(0);
  await expect(page.getByTestId('node-content-router-1')).toContainText('1 rule · default → consumer-2');
});

test('a message filter drops what its header condition does not accept, and counts it', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 160, 260);
  await dropFromPalette(page, 'message-filter', 460, 260);
  await dropFromPalette(page, 'consumer', 760, 260);
  await connectNodes(page, 'producer-1', 'message-filter-1');
  await connectNodes(page, 'message-filter-1', 'consumer-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // Ten messages, region eu and us in turn.
  await selectNode(page, 'producer-1');
  await page.getByTestId('field-keys').fill('eu, us');
  await page.getByTestId('field-headers').fill('region: {key}');
  await page.getByTestId('field-limit').fill('10');
  await expect(page.getByTestId('node-producer-1')).toContainText('limit 10 · 2 keys · 1 header');

  await selectNode(page, 'message-filter-1');
  await expect(page.getByTestId('node-message-filter-1')).toContainText('accept everything');
  await page.getByTestId('field-accept-add-header').click();
  await page.getByTestId('field-accept-header-0-name').fill('region');
  await page.getByTestId('field-accept-header-0-value').fill('eu');
  await expect(page.getByTestId('node-message-filter-1')).toContainText('accept region=eu');

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await expect.poll(() => readNumber(stat(page, 'message-filter-1', 'dropped')), { timeout: 20_000 }).toBe(5);
  await expect(page.getByTestId('node-message-filter-1').locator('.mf-stat--minor')).toHaveAttribute('title', '5 filtered');
  await expect.poll(() => readNumber(stat(page, 'consumer-1', 'processed')), { timeout: 20_000 }).toBe(5);
  expect(await readNumber(stat(page, 'message-filter-1', 'in'))).toBe(10);
  expect(await readNumber(stat(page, 'message-filter-1', 'out'))).toBe(5);
  await expect.poll(() => readNumber(page.getByTestId('status-lost'))).toBe(5);
  await page.screenshot({ path: 'test-results/routers-filter.png' });
});

test('a recipient list copies to the ticked outputs, and a wire tap copies to its tap', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 120, 260);
  await dropFromPalette(page, 'wire-tap', 360, 260);
  await dropFromPalette(page, 'recipient-list', 600, 160);
  await dropFromPalette(page, 'consumer', 600, 440);
  await dropFromPalette(page, 'consumer', 860, 80);
  await dropFromPalette(page, 'consumer', 860, 260);
  await connectNodes(page, 'producer-1', 'wire-tap-1');
  await connectNodes(page, 'wire-tap-1', 'recipient-list-1');
  await connectNodes(page, 'wire-tap-1', 'consumer-1');
  await connectNodes(page, 'recipient-list-1', 'consumer-2');
  await connectNodes(page, 'recipient-list-1', 'consumer-3');
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);

  await selectNode(page, 'producer-1');
  await page.getByTestId('field-limit').fill('6');

  await selectNode(page, 'wire-tap-1');
  await expect(page.getByTestId('node-wire-tap-1')).toContainText('no tap yet');
  await page.getByTestId('field-tap-to').selectOption('consumer-1');
  await expect(page.getByTestId('group-tap')).toContainText('Main flow → recipient-list-1');
  await expect(page.getByTestId('node-wire-tap-1')).toContainText('tap → consumer-1');

  await selectNode(page, 'recipient-list-1');
  await expect(page.getByTestId('node-recipient-list-1')).toContainText('→ every output');
  await expect(page.getByTestId('group-recipients')).toContainText('None ticked = every output (2 now)');
  await page.getByTestId('field-recipient-consumer-3').check();
  await expect(page.getByTestId('node-recipient-list-1')).toContainText('→ consumer-3');

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect.poll(() => readNumber(stat(page, 'consumer-3', 'processed')), { timeout: 20_000 }).toBe(6);
  await expect.poll(() => readNumber(stat(page, 'consumer-1', 'processed')), { timeout: 20_000 }).toBe(6);
  expect(await readNumber(stat(page, 'consumer-2', 'processed'))).toBe(0);
  expect(await readNumber(stat(page, 'wire-tap-1', 'tapped'))).toBe(6);
  expect(await readNumber(stat(page, 'wire-tap-1', 'out'))).toBe(6);
  expect(await readNumber(stat(page, 'recipient-list-1', 'out'))).toBe(6);
  await page.locator('.react-flow__controls-fitview').click();
  await page.screenshot({ path: 'test-results/routers-tap-and-list.png' });
});
