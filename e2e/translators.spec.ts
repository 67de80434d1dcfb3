import { expect, test } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectNode, setSpeed, stat } from './helpers.ts';

test('a claim check parks 10 KB bodies, 100-byte tokens travel, and check-out gives the bodies back', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 120, 280);
  await dropFromPalette(page, 'claim-check', 370, 280);
  await dropFromPalette(page, 'claim-check', 620, 280);
  await dropFromPalette(page, 'consumer', 870, 280);
  await connectNodes(page, 'producer-1', 'claim-check-1');
  await connectNodes(page, 'claim-check-1', 'claim-check-2');
  await connectNodes(page, 'claim-check-2', 'consumer-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  await selectNode(page, 'producer-1');
  await page.getByTestId('field-rate').fill('50');
  await page.getByTestId('field-limit').fill('100');
  await page.getByTestId('field-size-value').fill('10000');

  // Both start as check-ins on store "claims": nothing takes the bodies back yet.
  await selectNode(page, 'claim-check-1');
  await expect(page.getByTestId('claim-unpaired')).toContainText('No check-out uses store "claims"');
  await page.getByTestId('field-store').fill('blobs');
  await page.getByTestId('field-token-bytes').fill('100');
  await expect(page.getByTestId('node-claim-check-1')).toContainText('check in → blobs · token 100 B');

  await selectNode(page, 'claim-check-2');
  await page.getByTestId('field-mode-check-out').check();
  await expect(page.getByTestId('claim-unpaired')).toContainText('No check-in uses store "claims"');
  await page.getByTestId('field-store').fill('blobs');
  await expect(page.getByTestId('claim-unpaired')).toHaveCount(0);
  await expect(page.getByTestId('node-claim-check-2')).toContainText('check out ← blobs');

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 30_000 });

  expect(await readNumber(stat(page, 'claim-check-1', 'checked-in'))).toBe(100);
  // Each body 10,000 bytes, each token 100: 9,900 bytes kept off the wire per message.
  expect(await readNumber(stat(page, 'claim-check-1', 'bytes-saved'))).toBe(990_000);
  expect(await readNumber(stat(page, 'claim-check-1', 'parked'))).toBe(0);
  expect(await readNumber(stat(page, 'claim-check-2', 'checked-out'))).toBe(100);
  await expect(stat(page, 'claim-check-2', 'missing')).toHaveCount(0);
  expect(await readNumber(stat(page, 'consumer-1', 'processed'))).toBe(100);
  expect(await readNumber(page.getByTestId('status-lost'))).toBe(0);

  await page.locator('.react-flow__controls-fitview').click();
  await page.screenshot({ path: '/tmp/shot-translators.png' });
});

test('a translator maps the size and sets a header; an enricher doing one lookup at a time makes messages wait', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 120, 280);
  await dropFromPalette(page, 'translator', 370, 280);
  await dropFromPalette(page, 'content-enricher', 620, 280);
  await dropFromPalette(page, 'consumer', 870, 280);
  await connectNodes(page, 'producer-1', 'translator-1');
  await connectNodes(page, 'translator-1', 'content-enricher-1');
  await connectNodes(page, 'content-enricher-1', 'consumer-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  await selectNode(page, 'producer-1');
  await page.getByTestId('field-rate').fill('100');
  await page.getByTestId('field-limit').fill('20');
  await page.getByTestId('field-size-value').fill('1000');

  await selectNode(page, 'translator-1');
  await page.getByTestId('field-set-add').click();
  await page.getByTestId('field-set-0-name').fill('order');
  await page.getByTestId('field-set-0-value').fill('o-{seq}');
  await page.getByTestId('field-size-factor').fill('0.5');
  await page.getByTestId('field-size-add').fill('24');
  await expect(page.getByTestId('node-translator-1')).toContainText('set order · size ×0.5 +24 B');

  // One lookup at a time, 100 ms each, adding 76 bytes: 20 messages at 100/s pile up waiting.
  await selectNode(page, 'content-enricher-1');
  await page.getByTestId('field-lookup-value').fill('100');
  await page.getByTestId('field-add-bytes').fill('76');
  await expect(page.getByTestId('node-content-enricher-1')).toContainText('lookup 100 ms · 1 at once · +76 B');

  await page.getByTestId('btn-play').click();
  await expect.poll(() => readNumber(stat(page, 'content-enricher-1', 'waiting')), { timeout: 20_000 }).toBeGreaterThan(5);
  await setSpeed(page, 10);
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 30_000 });
  expect(await readNumber(stat(page, 'translator-1', 'size-out'))).toBe(524);
  expect(await readNumber(stat(page, 'content-enricher-1', 'out'))).toBe(20);
  expect(await readNumber(stat(page, 'consumer-1', 'processed'))).toBe(20);
});

test('scenario 25: every token finds its body; crash the store and the tokens on their way find nothing', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-scenarios').click();
  await page.getByTestId('scenario-item-25-claim-check-large-payloads').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Claim check for large payloads');
  await setSpeed(page, 20);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 30_000 });
  expect(await readNumber(stat(page, 'park', 'bytes-saved'))).toBe(59_948_800);
  expect(await readNumber(stat(page, 'fetch', 'checked-out'))).toBe(200);
  await expect(stat(page, 'audit', 'too-large')).toHaveCount(0);
  expect(await readNumber(page.getByTestId('status-lost'))).toBe(0);

  await page.getByTestId('scenario-panel').getByTestId('variant-store-crash').click();
  await expect(page.getByTestId('status-state')).toHaveText('Ready');
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 30_000 });
  expect(await readNumber(stat(page, 'park', 'crashed'))).toBe(10);
  expect(await readNumber(stat(page, 'fetch', 'missing'))).toBe(10);
  expect(await readNumber(page.getByTestId('status-lost'))).toBe(30);
});
