import { expect, test } from '@playwright/test';
import { freshStart, readNumber, setSpeed } from './helpers.ts';

test('a channel ACL: only billing may publish to invoices; the other publisher is denied until it is allowed', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-scenarios').click();
  await page.getByTestId('scenario-item-18-who-may-publish').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Who may publish (ACL)');

  // The queue's Access group: billing ticked, reporting not.
  await page.getByTestId('node-invoices').click();
  const access = page.getByTestId('group-acl');
  await expect(page.getByTestId('field-acl-publishers')).toBeChecked();
  await expect(page.getByTestId('field-acl-publishers-billing')).toBeChecked();
  await expect(page.getByTestId('field-acl-publishers-reporting')).not.toBeChecked();
  await expect(access).toContainText('Drop it (lost:denied)');
  if (process.env.ACL_SCREENSHOT) {
    await access.scrollIntoViewIfNeeded();
    await page.screenshot({ path: process.env.ACL_SCREENSHOT, animations: 'disabled' });
  }

  await setSpeed(page, 20);
  await page.getByTestId('btn-play').click();
  const denied = page.getByTestId('node-invoices').getByTestId('stat-denied');
  await expect.poll(() => readNumber(denied), { timeout: 20_000 }).toBeGreaterThan(3);
  await expect.poll(() => readNumber(page.getByTestId('status-lost')), { timeout: 10_000 }).toBeGreaterThan(3);
  // The same button pauses.
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');

  // Allow reporting too: the edit resets the run, and nothing is denied any more.
  await page.getByTestId('field-acl-publishers-reporting').check();
  await expect(page.getByTestId('field-acl-publishers-reporting')).toBeChecked();
  await page.getByTestId('btn-play').click();
  await expect.poll(() => readNumber(page.getByTestId('node-accounting').getByTestId('stat-processed')), { timeout: 20_000 }).toBeGreaterThan(20);
  await expect(page.getByTestId('node-invoices').getByTestId('stat-denied')).toHaveCount(0);
});
