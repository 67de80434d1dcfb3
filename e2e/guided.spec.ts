import { expect, test } from '@playwright/test';
import { freshStart, readNumber, setSpeed, stat } from './helpers.ts';

test('a guided scenario highlights the counters to watch and lists their live values beside the canvas', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-scenarios').click();
  await page.getByTestId('scenario-item-02-hello-queue').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Hello queue (auto-ack)');

  // Before playing: the file's counters are ringed on their cards and listed in the panel.
  const backlog = stat(page, 'consumer', 'backlog');
  await expect(backlog.locator('xpath=..')).toHaveAttribute('data-watched', 'true');
  await expect(backlog.locator('xpath=..')).toHaveClass(/is-watched/);
  await expect(stat(page, 'consumer', 'processed').locator('xpath=..')).not.toHaveAttribute('data-watched');
  await expect(page.locator('[data-watched="true"]')).toHaveCount(3); // redelivered is a chip hidden at zero
  const rows = page.getByTestId('scenario-highlights').getByRole('listitem');
  await expect(rows).toHaveCount(4);
  const backlogRow = page.getByTestId('scenario-highlight-consumer-backlog');
  await expect(backlogRow).toContainText('watch: Consumer backlog');
  await expect(page.getByTestId('scenario-highlight-hello-redelivered')).toContainText('watch: hello redelivered');

  // Running: the panel's numbers are the card's numbers.
  await setSpeed(page, 4);
  await page.getByTestId('btn-play').click();
  const panelValue = backlogRow.getByTestId('scenario-highlight-value');
  await expect.poll(() => readNumber(panelValue), { timeout: 15_000 }).toBeGreaterThan(3);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  await expect.poll(async () => (await readNumber(panelValue)) === (await readNumber(backlog))).toBe(true);
  await page.screenshot({ path: '/tmp/shot-guide-running.png' });

  // Deleting a highlighted node drops its rows (and the scenario stays valid); undo brings them back.
  await page.getByTestId('node-consumer').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-consumer')).toHaveCount(0);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(page.getByTestId('scenario-highlights').getByRole('listitem')).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-consumer')).toBeVisible();
  await expect(page.getByTestId('scenario-highlights').getByRole('listitem')).toHaveCount(4);
});
