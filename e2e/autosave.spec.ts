import { expect, test } from '@playwright/test';
import { freshStart } from './helpers.ts';

test('edits survive a reload through the autosave', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  // Clicking a palette item adds the node at the canvas centre and selects it.
  await page.getByTestId('palette-queue').click();
  const node = page.getByTestId('node-queue-1');
  await expect(node).toBeVisible();

  await page.getByTestId('field-label').fill('Orders queue');
  await expect(node).toContainText('Orders queue');

  await page.reload();
  await expect(page.locator('.mf-app[data-ready="true"]')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(page.getByTestId('node-queue-1')).toContainText('Orders queue');

  const saved = JSON.parse(String(await page.evaluate('localStorage.getItem("msgflow:autosave")')));
  expect(saved.nodes).toEqual([
    expect.objectContaining({ id: 'queue-1', kind: 'queue', label: 'Orders queue', position: expect.any(Object) }),
  ]);
});
