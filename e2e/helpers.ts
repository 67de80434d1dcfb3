import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the app with no autosave, so it starts from the default scenario. */
export async function freshStart(page: Page): Promise<void> {
  await page.goto('/');
  // A string, because e2e/ compiles without DOM types; it runs in the page.
  await page.evaluate('localStorage.clear()');
  await page.reload();
  await expect(page.locator('.mf-app[data-ready="true"]')).toBeVisible();
}

/** A counter's number: node counters carry it exactly in data-value, status items as text. */
export async function readNumber(locator: Locator): Promise<number> {
  const exact = await locator.getAttribute('data-value');
  if (exact !== null) return Number(exact);
  const text = (await locator.textContent()) ?? '';
  return Number(text.replace(/[^0-9.-]/g, ''));
}

/** Drags a palette item onto the canvas at a point relative to the pane's top-left corner. */
export async function dropFromPalette(page: Page, kind: string, x: number, y: number): Promise<void> {
  await page.getByTestId(`palette-${kind}`).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
}

/** Drags from one node's output handle (right) to another's input handle (left). */
export async function connectNodes(page: Page, fromId: string, toId: string): Promise<void> {
  const from = page.getByTestId(`node-${fromId}`).locator('.react-flow__handle-right');
  const to = page.getByTestId(`node-${toId}`).locator('.react-flow__handle-left');
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error(`handles of ${fromId} or ${toId} are not visible`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Sets the log-scale speed slider (Playwright fills range inputs like a user would). */
export async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.getByTestId('speed-slider').fill(String(Math.log10(speed)));
}

/** A counter on one node, read with `readNumber` (it carries its exact value). */
export function stat(page: Page, nodeId: string, name: string): Locator {
  return page.getByTestId(`node-${nodeId}`).getByTestId(`stat-${name}`);
}

/** Clicks a node and waits until the inspector shows it. */
export async function selectNode(page: Page, nodeId: string): Promise<void> {
  await page.getByTestId(`node-${nodeId}`).click();
  await expect(page.locator('.mf-inspector__id')).toHaveText(`id: ${nodeId}`);
}

/** Clicks a link and waits until the inspector shows its ends ("a → b"). */
export async function selectEdge(page: Page, edgeId: string, ends: string): Promise<void> {
  await page.getByTestId(`rf__edge-${edgeId}`).click();
  await expect(page.locator('.mf-inspector__id')).toHaveText(ends);
}
