import { expect, test } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectEdge, selectNode, stat } from './helpers.ts';

test('a topic exchange routes by the binding keys set on its links', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 120, 260);
  await dropFromPalette(page, 'exchange', 420, 340);
  await dropFromPalette(page, 'queue', 740, 130);
  await dropFromPalette(page, 'queue', 740, 540);
  await connectNodes(page, 'producer-1', 'exchange-1');
  await connectNodes(page, 'exchange-1', 'queue-1');
  await connectNodes(page, 'exchange-1', 'queue-2');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  await selectNode(page, 'exchange-1');
  await page.getByTestId('field-exchange-type').selectOption('topic');

  // exchange → queue-1: two bindings; a key matching both still comes once.
  await selectEdge(page, 'e-2', 'exchange-1 → queue-1');
  const group = page.getByTestId('group-binding');
  await expect(page.getByTestId('binding-type')).toContainText('Topic exchange');
  await expect(group).toContainText('one word');
  await expect(page.getByTestId('binding-warning')).toContainText('receives nothing');
  await page.getByTestId('binding-add-key').click();
  // A blank row is no change: still unbound, no message.
  await expect(page.getByTestId('binding-warning')).toBeVisible();
  await page.getByTestId('binding-key-0').fill('kern.*');
  await expect(page.getByTestId('binding-warning')).toHaveCount(0);
  await page.getByTestId('binding-add-key').click();
  await expect(page.getByTestId('binding-key-1')).toBeFocused();
  await page.getByTestId('binding-key-1').fill('*.critical');
  await expect(page.getByTestId('edge-label-e-2')).toContainText('kern.* · *.critical');
  await page.locator('.mf-inspector').screenshot({ path: 'test-results/edge-binding-topic.png' });

  // exchange → queue-2: a key added and removed, then the one it keeps.
  await selectEdge(page, 'e-3', 'exchange-1 → queue-2');
  await page.getByTestId('binding-add-key').click();
  await page.getByTestId('binding-key-0').fill('auth.*');
  await page.getByTestId('binding-add-key').click();
  await page.getByTestId('binding-key-1').fill('mail.#');
  await page.getByTestId('binding-key-0-remove').click();
  await expect(page.getByTestId('binding-key-0')).toHaveValue('mail.#');
  await expect(page.getByTestId('edge-label-e-3')).toContainText('mail.#');
  await expect(page.getByTestId('edge-label-e-3')).not.toContainText('auth.*');

  // The producer's keys are the routing keys: 8 messages, 2 of each key, round-robin.
  await selectNode(page, 'producer-1');
  await page.getByTestId('field-keys').fill('kern.critical, kern.info, mail.debug, auth.warning');
  await page.getByTestId('field-rate').fill('20');
  await page.getByTestId('field-limit').fill('8');

  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  // kern.critical (both bindings, one copy) and kern.info to queue-1; mail.debug to queue-2; auth.warning nowhere.
  await expect.poll(() => readNumber(stat(page, 'exchange-1', 'in')), { timeout: 20_000 }).toBe(8);
  await expect.poll(() => readNumber(stat(page, 'queue-1', 'depth')), { timeout: 10_000 }).toBe(4);
  await expect.poll(() => readNumber(stat(page, 'queue-2', 'depth')), { timeout: 10_000 }).toBe(2);
  await expect.poll(() => readNumber(stat(page, 'exchange-1', 'unroutable')), { timeout: 10_000 }).toBe(2);
  // Eight messages and no consumers: nothing is left to happen.
  await expect(page.getByTestId('status-state')).toHaveText('Finished');

  // A late binding: refused below zero, shown on the canvas once set.
  await selectEdge(page, 'e-3', 'exchange-1 → queue-2');
  await expect(page.getByTestId('field-active-from')).toHaveAttribute('placeholder', 'from the start');
  await page.getByTestId('field-active-from').fill('-5');
  await expect(page.locator('.mf-inspector').getByRole('alert')).toContainText('must be ≥ 0');
  await expect(page.getByTestId('edge-label-e-3')).not.toContainText('from');
  await page.getByTestId('field-active-from').fill('30000');
  await expect(page.locator('.mf-inspector').getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('edge-label-e-3')).toContainText('mail.# · from 30 s');
  // Its latency edited afterwards keeps the binding and the opening time.
  await page.getByTestId('field-loss').fill('10');
  await expect(page.getByTestId('edge-label-e-3')).toContainText('mail.# · from 30 s');
  await expect(page.getByTestId('edge-label-e-3')).toContainText('10% loss');
  await page.screenshot({ path: 'test-results/edge-labels-canvas.png' });

  // A fanout exchange ignores keys: the list goes, the label too.
  await selectNode(page, 'exchange-1');
  await page.getByTestId('field-exchange-type').selectOption('fanout');
  await selectEdge(page, 'e-2', 'exchange-1 → queue-1');
  await expect(page.getByTestId('binding-keys')).toHaveCount(0);
  await expect(page.getByTestId('binding-ignored')).toContainText('ignored');
  await expect(page.getByTestId('edge-label-e-2')).not.toContainText('kern.*');
});

test('an MQTT subscriber receives what its filter matches; a bad filter is refused', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 140, 220);
  await dropFromPalette(page, 'mqtt-broker', 440, 330);
  await dropFromPalette(page, 'consumer', 760, 200);
  await connectNodes(page, 'producer-1', 'mqtt-broker-1');
  await connectNodes(page, 'mqtt-broker-1', 'consumer-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  await selectNode(page, 'producer-1');
  await page.getByTestId('field-keys').fill('home/kitchen/temp');
  await page.getByTestId('field-rate').fill('20');

  // No subscription yet: the consumer receives nothing.
  await selectEdge(page, 'e-2', 'mqtt-broker-1 → consumer-1');
  await expect(page.getByTestId('group-subscription')).toBeVisible();
  await expect(page.getByTestId('sub-warning')).toContainText('receives nothing');
  await expect(page.getByTestId('field-clean-session')).toHaveCount(0);
  await page.getByTestId('btn-play').click();
  await expect.poll(() => readNumber(stat(page, 'mqtt-broker-1', 'unroutable')), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await readNumber(stat(page, 'consumer-1', 'processed'))).toBe(0);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');

  // A filter that matches, at QoS 1.
  await page.getByTestId('sub-add-filter').click();
  await page.getByTestId('sub-filter-0').fill('home/#');
  await page.getByTestId('sub-filter-0-qos').selectOption('1');
  await expect(page.getByTestId('sub-warning')).toHaveCount(0);
  await expect(page.getByTestId('field-clean-session')).toBeChecked();
  await expect(page.getByTestId('group-subscription')).toContainText('MQ-4');
  await expect(page.getByTestId('edge-label-e-2')).toContainText('home/# q1');
  await page.locator('.mf-inspector').screenshot({ path: 'test-results/edge-subscription-mqtt.png' });

  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await expect.poll(() => readNumber(stat(page, 'consumer-1', 'processed')), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');

  // An invalid filter is refused with the schema's message; the subscription stays as it was.
  await page.getByTestId('sub-add-filter').click();
  await page.getByTestId('sub-filter-1').fill('sport/tennis#');
  await expect(page.getByTestId('group-subscription').getByRole('alert')).toContainText('not a valid MQTT filter');
  await expect(page.getByTestId('sub-filter-1')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('sub-filter-0')).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('edge-label-e-2')).toHaveText(/^home\/# q1 · /);
  await page.locator('.mf-inspector').screenshot({ path: 'test-results/edge-subscription-refused.png' });
  await page.getByTestId('sub-filter-1').fill('sport/tennis/#');
  await expect(page.getByTestId('group-subscription').getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('edge-label-e-2')).toContainText('home/# q1 · sport/tennis/# q0 · 5 ms');

  // A persistent session shows on the label; too long for it, the list is cut short there (in full here).
  await page.getByTestId('field-clean-session').uncheck();
  await expect(page.getByTestId('edge-label-e-2')).toHaveText('home/# q1 · sport/tennis/# q0 ·… · 5 ms');
  await page.getByTestId('sub-filter-1-remove').click();
  await expect(page.getByTestId('field-clean-session')).not.toBeChecked();
  await expect(page.getByTestId('edge-label-e-2')).toHaveText('home/# q1 · persistent · 5 ms');
});
