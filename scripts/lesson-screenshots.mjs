// Screenshots of one step per lesson, normal and in presentation mode, at 1280×720, into
// docs/lessons/. Run against a served production build:
//   npm run build && npx vite preview --port 4391 &  node scripts/lesson-screenshots.mjs http://127.0.0.1:4391
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:4391';
const args = JSON.parse(
  readFileSync(new URL('../tests/browser/chromium-args.json', import.meta.url)),
);
// lesson → the step shown (1-based), how long to let it run first (ms), and optionally what
// the student did before: `from` a step that trains the landscape (a sampling step opened from
// a link has an untrained model), `train` ms there, then → to the step; `press` a button on
// the step and wait `after` ms.
const SHOTS = [
  [1, 2, 9000],
  [2, 3, 6000],
  [3, 4, 6000, { from: 1, train: 15000 }],
  [4, 5, 9000],
  [5, 3, 6000, { from: 1, train: 15000 }],
  [6, 1, 9000],
  [7, 4, 12000],
  [8, 4, 9000],
  [9, 3, 9000],
  [10, 4, 9000, { press: 'Example: half ring', after: 6000 }],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
// ONLY_SLOW=1: only the slow-motion pictures.
// ONLY=10: only that lesson's pictures.
const only = process.env.ONLY ? Number(process.env.ONLY) : null;
const shots = process.env.ONLY_SLOW ? [] : SHOTS.filter(([l]) => only === null || l === only);
for (const [lesson, step, wait, how = {}] of shots) {
  for (const present of [false, true]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const q = `?backend=wasm&lesson=${lesson}&step=${how.from ?? step}${present ? '&present=1' : ''}`;
    await page.goto(base + '/' + q);
    if (how.from) {
      await page.waitForTimeout(how.train);
      for (let k = how.from; k < step; k++) await page.keyboard.press('ArrowRight');
    }
    await page.waitForTimeout(wait);
    if (how.press) {
      await page.getByRole('button', { name: how.press, exact: true }).click();
      await page.waitForTimeout(how.after);
    }
    const name = `docs/lessons/lesson-${lesson}${present ? '-present' : ''}.png`;
    await page.screenshot({ path: name });
    console.log(name);
    await context.close();
  }
}
// One iteration in slow motion (lesson 6, step 2): the three phases, then the picture with the
// landscapes before/after and the push arrows, tall enough to show the panel under the plot.
if (only === null || only === 6) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1320 } });
  const page = await context.newPage();
  await page.goto(base + '/?backend=wasm&lesson=6&step=2');
  await page.waitForTimeout(6000);
  for (let k = 1; k <= 3; k++) {
    await page.locator('.lesson-step [data-testid=slow-step]').click();
    await page.waitForSelector(`[data-testid=slow-panel][data-phase="${k}"]`, { timeout: 30000 });
    if (k === 2) await page.screenshot({ path: 'docs/lessons/lesson-6-slow-push.png' });
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/lessons/lesson-6-slow.png' });
  console.log('docs/lessons/lesson-6-slow.png');
  await context.close();
}
await browser.close();
