/**
 * The experiment link (config in location.hash) and input validation. Done-when 5 and 6 of
 * the UI issue.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { launch } from './browser';
import { fillForm, formValues, openAdvanced, openApp, recordsField, runButton, runStatus, setSweep, typeInto, workersField } from './playground-helpers';

const baseUrl = inject('baseUrl');
let browser: Browser;
let defaults: Record<string, string>;

beforeAll(async () => {
  browser = await launch();
  const app = await openApp(browser, baseUrl);
  defaults = await formValues(app.page);
  expect(await app.page.evaluate(() => location.hash)).toBe('');
  await app.close();
});
afterAll(async () => {
  await browser?.close();
});

const shuffleBox = (page: Page) => page.getByLabel(/Shuffle the order/);

describe('playground: the experiment link', () => {
  it('a copied URL opened in a fresh page restores the config exactly', async () => {
    const app = await openApp(browser, baseUrl);
    const { page } = app;
    try {
      // Change nearly every control away from its default (the advanced ones are folded away at first).
      await openAdvanced(page);
      await page.locator('#job').selectOption('parse');
      await page.locator('#format').selectOption('csv');
      await page.locator('#shipping').selectOption('copy');
      await page.locator('#scheduling').selectOption('dynamic');
      await page.locator('#poolLife').selectOption('warm');
      await fillForm(page, { records: 12_345, workers: 3, workRounds: 7, warmups: 0, repetitions: 4 });
      await typeInto(page.locator('#batchSize'), '500');
      await typeInto(page.locator('#distinctKeys'), '50');
      await typeInto(page.locator('#keySkew'), '1.25');
      await typeInto(page.locator('#costSkew'), '0.5');
      await typeInto(page.locator('#serialFraction'), '0.1');
      await typeInto(page.locator('#payloadBytes'), '64');
      await typeInto(page.locator('#seed'), '42');
      await setSweep(page, 'workers', '1, 3, 6');
      await page.getByTestId('add-axis').click();
      await page.locator('#sweep-1-param').selectOption('distinctKeys');
      await page.locator('#sweep-1-values').fill('10, 1000');
      await shuffleBox(page).check();
      await typeInto(page.locator('#shuffleSeed'), '7');
      expect(await runButton(page).isEnabled()).toBe(true);

      const edited = await formValues(page);
      await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/shuffle=7/);
      const url = page.url();
      console.log(`[link] ${url}`);
      expect(url).toContain('#v=1&');
      const changed = Object.keys(edited).filter((k) => edited[k] !== defaults[k]);
      expect(changed.length, changed.join(', ')).toBeGreaterThanOrEqual(18);

      // A fresh page (new context: no shared storage) from the copied URL.
      const fresh = await openApp(browser, baseUrl, { hash: url.slice(url.indexOf('#')) });
      try {
        expect(await formValues(fresh.page)).toEqual(edited);
        expect(await shuffleBox(fresh.page).isChecked()).toBe(true);
        expect(await fresh.page.getByTestId('hash-notice').count()).toBe(0);
        expect(await fresh.page.evaluate(() => location.href)).toBe(url);
      } finally {
        await fresh.close();
      }
    } finally {
      await app.close();
    }
  });

  it('a garbage link shows the notice and falls back to the defaults', async () => {
    const app = await openApp(browser, baseUrl, { hash: '#v=1&records=banana&workers=-3' });
    const { page } = app;
    try {
      const notice = page.getByTestId('hash-notice');
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      console.log(`[link] notice: ${text.trim()}`);
      expect(text).toMatch(/not used/);
      expect(text).toMatch(/Records/);
      expect(text).toMatch(/banana/);
      expect(text).toMatch(/Workers/);
      expect(text).toMatch(/-3/);
      expect(await formValues(page)).toEqual(defaults);
      expect(await runButton(page).isEnabled()).toBe(true);
      // The page rewrites the link to what it shows (the defaults: an empty hash).
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      expect(await notice.count()).toBe(0);

      // Not a link at all, or another version: defaults again.
      await page.goto(`${baseUrl}#v=99&records=5`);
      await page.getByTestId('hash-notice').waitFor();
      expect(await page.getByTestId('hash-notice').textContent()).toMatch(/version/);
      expect(await formValues(page)).toEqual(defaults);
      expect(app.watch.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('playground: invalid inputs', () => {
  const cases: { what: string; field: 'records' | 'workers'; text: string; range: RegExp }[] = [
    { what: '−1 records', field: 'records', text: '-1', range: /from 0 to 50,000,000/ },
    { what: '1e12 records', field: 'records', text: '1e12', range: /from 0 to 50,000,000/ },
    { what: 'text for records', field: 'records', text: 'lots', range: /from 0 to 50,000,000/ },
    { what: '0 workers', field: 'workers', text: '0', range: /from 1 to \d+/ },
    { what: 'text for workers', field: 'workers', text: 'two', range: /from 1 to \d+/ },
    { what: '1e12 workers', field: 'workers', text: '1e12', range: /from 1 to \d+/ },
  ];

  it('names the allowed range next to the field and keeps Run disabled (Enter cannot start a run)', async () => {
    const app = await openApp(browser, baseUrl);
    const { page } = app;
    try {
      for (const c of cases) {
        const field = c.field === 'records' ? recordsField(page) : workersField(page);
        const validValue = await field.inputValue();
        const validHash = await page.evaluate(() => location.hash);
        await typeInto(field, c.text);
        const error = page.getByTestId(`${c.field}-error`);
        await error.waitFor();
        const message = (await error.textContent()) ?? '';
        console.log(`[invalid] ${c.what}: "${message.trim()}"`);
        expect(message, c.what).toMatch(c.range);
        expect(await field.getAttribute('aria-invalid'), c.what).toBe('true');
        expect((await field.getAttribute('aria-describedby')) ?? '', c.what).toContain(`${c.field}-error`);
        expect(await runButton(page).isDisabled(), c.what).toBe(true);
        expect(await page.getByTestId('run-blocked').textContent(), c.what).toMatch(c.field === 'records' ? /Records/ : /Workers/);
        // Enter in the field submits the form: nothing may start.
        await field.press('Enter');
        expect(await runStatus(page), c.what).toBe('idle');
        // A broken config is never written to the link: it keeps the last valid one.
        expect(await page.evaluate(() => location.hash), c.what).toBe(validHash);
        await typeInto(field, validValue);
        await expect.poll(() => error.count(), { message: c.what }).toBe(0);
      }
      // The workers field is only used without a workers sweep: 0 in the sweep is refused too.
      await setSweep(page, 'workers', '0, 2');
      await page.getByTestId('sweep-0-error').waitFor();
      console.log(`[invalid] workers sweep 0, 2: "${(await page.getByTestId('sweep-0-error').textContent())?.trim()}"`);
      expect(await page.getByTestId('sweep-0-error').textContent()).toMatch(/from 1 to \d+ \(got 0\)/);
      expect(await runButton(page).isDisabled()).toBe(true);
      await page.locator('#sweep-0-values').fill('1, 2');
      await expect.poll(() => runButton(page).isEnabled()).toBe(true);
      expect(await runStatus(page)).toBe('idle');
      expect(app.watch.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
