import { expect, test } from '@playwright/test';
import { freshStart } from './helpers.ts';

const negativeRate = {
  format: 'msgflow/1',
  name: 'Broken',
  nodes: [{ id: 'p1', kind: 'producer', position: { x: 0, y: 0 }, config: { rate: { dist: 'constant', perSecond: -5 } } }],
  edges: [],
};

test('an invalid file names the JSON path and leaves the canvas alone', async ({ page }) => {
  await freshStart(page);
  const nodes = page.locator('.react-flow__node');
  await expect(nodes).toHaveCount(4);
  const input = page.getByTestId('file-input');

  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(negativeRate)) });
  const panel = page.getByTestId('load-error');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('nodes[0].config.rate.perSecond');
  await expect(nodes).toHaveCount(4);
  await expect(page.getByTestId('node-orders')).toBeVisible();

  await page.getByTestId('load-error-dismiss').click();
  await expect(panel).toHaveCount(0);

  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('this is not { json') });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('not valid JSON');
  await expect(nodes).toHaveCount(4);
  await expect(page.getByTestId('scenario-name')).toHaveText('Work queue with competing consumers');
});
