import { expect, test, type Page } from '@playwright/test';
import { freshStart, selectNode } from './helpers.ts';

interface SavedNode {
  id: string;
  label?: string;
  position: { x: number; y: number };
}

/** The canvas as autosaved after the last edit. */
async function saved(page: Page): Promise<{ name: string; nodes: SavedNode[]; edges: { source: string; target: string }[] }> {
  return JSON.parse(String(await page.evaluate('localStorage.getItem("msgflow:autosave")')));
}

async function positions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return Object.fromEntries((await saved(page)).nodes.map((n) => [n.id, n.position]));
}

const nodes = (page: Page) => page.locator('.react-flow__node');
const edges = (page: Page) => page.locator('.react-flow__edge');

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
});

test('deleting a node and undoing brings it back with its links; redo deletes it again', async ({ page }) => {
  await freshStart(page);
  await expect(page.getByTestId('btn-undo')).toBeDisabled();
  await expect(edges(page)).toHaveCount(3);

  await selectNode(page, 'work');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-work')).toHaveCount(0);
  await expect(edges(page)).toHaveCount(0);
  await expect(page.getByTestId('btn-redo')).toBeDisabled();

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-work')).toBeVisible();
  await expect(edges(page)).toHaveCount(3);
  await expect(page.getByTestId('btn-redo')).toBeEnabled();
  await expect(page.getByTestId('btn-undo')).toBeDisabled();

  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('node-work')).toHaveCount(0);
  await expect(edges(page)).toHaveCount(0);

  // The toolbar buttons do the same; the restored canvas is what gets autosaved.
  await page.getByTestId('btn-undo').click();
  await expect(edges(page)).toHaveCount(3);
  expect((await saved(page)).nodes.map((n) => n.id)).toContain('work');
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('node-work')).toHaveCount(0);
});

test('copy and paste of a multi-selection makes new nodes with the link between them', async ({ page }) => {
  await freshStart(page);
  await selectNode(page, 'work');
  await page.getByTestId('node-worker-1').click({ modifiers: ['Shift'] });
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);

  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('node-queue-1')).toBeVisible();
  await expect(page.getByTestId('node-consumer-1')).toBeVisible();
  await expect(nodes(page)).toHaveCount(6);
  await expect(edges(page)).toHaveCount(4);
  // The paste is the selection now, and lands offset from the originals.
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
  const at = await positions(page);
  expect(at['queue-1']).toEqual({ x: at['work']!.x + 40, y: at['work']!.y + 40 });
  expect((await saved(page)).edges).toContainEqual(expect.objectContaining({ source: 'queue-1', target: 'consumer-1' }));

  await page.getByTestId('btn-undo').click();
  await expect(nodes(page)).toHaveCount(4);
  await expect(edges(page)).toHaveCount(3);
});

test('auto-layout moves the nodes, and one undo puts them all back', async ({ page }) => {
  await freshStart(page);
  const before = await positions(page);
  await page.getByTestId('btn-layout').click();
  await expect.poll(async () => JSON.stringify(await positions(page))).not.toBe(JSON.stringify(before));
  const after = await positions(page);
  // Left to right by links: producer, then queue, then the consumers in one column.
  expect(after['orders']!.x).toBeLessThan(after['work']!.x);
  expect(after['work']!.x).toBeLessThan(after['worker-1']!.x);
  expect(after['worker-1']!.x).toBe(after['worker-2']!.x);

  await page.getByTestId('btn-undo').click();
  await expect.poll(async () => positions(page)).toEqual(before);
  await expect(page.getByTestId('btn-undo')).toBeDisabled();
});

test('snap to grid is a toggle that survives a reload', async ({ page }) => {
  await freshStart(page);
  const snap = page.getByTestId('btn-snap');
  await expect(snap).toHaveAttribute('aria-pressed', 'false');
  await snap.click();
  await expect(snap).toHaveAttribute('aria-pressed', 'true');

  // A drag now ends on the 20-unit grid.
  const box = await page.getByTestId('node-work').boundingBox();
  if (!box) throw new Error('node not visible');
  await page.mouse.move(box.x + 60, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 97, box.y + 49, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await positions(page))['work']).not.toEqual({ x: 500, y: 150 });
  const moved = (await positions(page))['work']!;
  expect([moved.x % 20, moved.y % 20]).toEqual([0, 0]);

  await page.reload();
  await expect(page.getByTestId('btn-snap')).toHaveAttribute('aria-pressed', 'true');
});

test('the theme toggle switches light and dark and survives a reload', async ({ page }) => {
  await freshStart(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.screenshot({ path: '/tmp/shot-edit-light.png' });

  await page.getByTestId('btn-theme').click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);
  // The surfaces really change colour, not only the attribute.
  // A string, because e2e/ compiles without DOM types; it runs in the page.
  const background = (selector: string) => page.evaluate(`getComputedStyle(document.querySelector('${selector}')).backgroundColor`);
  expect(await background('.mf-toolbar')).toBe('rgb(17, 26, 43)');
  expect(await background('.mf-node')).toBe('rgb(17, 26, 43)');

  await page.reload();
  await expect(page.locator('.mf-app[data-ready="true"]')).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await selectNode(page, 'work');
  await page.screenshot({ path: '/tmp/shot-edit-dark.png' });

  await page.getByTestId('btn-theme').click();
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test('the theme follows the system preference until one is chosen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await freshStart(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('a shared link opens the same topology in a new page', async ({ page, browser, baseURL }) => {
  await freshStart(page);
  await selectNode(page, 'worker-1');
  await page.getByTestId('field-label').fill('Shared worker');
  await selectNode(page, 'worker-2');
  await page.keyboard.press('Delete');
  await expect(nodes(page)).toHaveCount(3);

  await page.getByTestId('btn-share').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url.startsWith(`${baseURL}/#t=`)).toBe(true);
  await expect(page.getByTestId('share-status')).toBeVisible();
  expect(page.url()).toBe(url);
  await page.getByTestId('share-close').click();

  // A new browser context: nothing autosaved there, so the link opens without asking.
  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto(url);
  await expect(visitor.locator('.mf-app[data-ready="true"]')).toBeVisible();
  await expect(visitor.getByTestId('node-worker-1')).toContainText('Shared worker');
  await expect(visitor.getByTestId('node-worker-2')).toHaveCount(0);
  await expect(visitor.locator('.react-flow__node')).toHaveCount(3);
  await expect(visitor.locator('.react-flow__edge')).toHaveCount(2);
  // The hash is cleared once opened, so a reload shows the autosave and does not ask again.
  expect(new URL(visitor.url()).hash).toBe('');
  await visitor.reload();
  await expect(visitor.getByTestId('node-worker-1')).toContainText('Shared worker');
  await other.close();
});

test('a shared link over unsaved work asks first, and keeping the canvas keeps it', async ({ page, context }) => {
  await freshStart(page);
  await page.getByTestId('btn-share').click();
  const url = await page.getByTestId('share-url').inputValue();
  await page.getByTestId('share-close').click();
  // Unsaved work after the link was made.
  await selectNode(page, 'worker-2');
  await page.keyboard.press('Delete');
  await expect(nodes(page)).toHaveCount(3);
  expect(new URL(page.url()).hash).toBe('');

  // Same browser: the new page restores the unsaved work, then the link asks.
  const second = await context.newPage();
  await second.goto(url);
  await expect(second.getByTestId('share-confirm')).toBeVisible();
  await second.getByTestId('share-confirm-keep').click();
  await expect(second.locator('.react-flow__node')).toHaveCount(3);

  await second.goto(url);
  await second.getByTestId('share-confirm-replace').click();
  await expect(second.locator('.react-flow__node')).toHaveCount(4);
});

test('a corrupted link shows the problem and keeps the canvas', async ({ page }) => {
  await freshStart(page);
  await selectNode(page, 'worker-2');
  await page.keyboard.press('Delete');
  await expect(nodes(page)).toHaveCount(3);

  await page.goto('/#t=N4Ig-this-is-not-a-topology');
  await expect(page.getByTestId('load-error')).toContainText('Shared link');
  await expect(nodes(page)).toHaveCount(3);
  await expect(page.getByTestId('node-worker-2')).toHaveCount(0);

  // A link that unpacks (to {"hello":1}) but is no topology goes through the same validation.
  await page.goto('/#t=N4IgFgpgNlD2IC4CMBfIA');
  await expect(page.getByTestId('load-error')).toBeVisible();
  await expect(nodes(page)).toHaveCount(3);
});
