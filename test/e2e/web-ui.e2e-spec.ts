import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { closeChromium } from '../support/chromium.js';
import { draftBody } from '../support/fixtures.js';
import { startTestApp, tokenFor } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

/**
 * The analyst web UI in a real browser: Debian's Chromium driven by
 * playwright-core, against the real service on a temporary store, serving
 * the UI that `npm test` built into web/dist. The tests run in order on one
 * page, as one analyst's session would.
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const WEB_DIST = join(process.cwd(), 'web', 'dist', 'index.html');
const ARTIFACTS = join(process.cwd(), 'test-artifacts');

const ORIGINAL_WORDING = 'Active escalation of these conflicts is unlikely in the short term.';
const NEW_WORDING = 'Active escalation of these frozen conflicts remains unlikely in the short term.';
const MINSK = 'The regime in Minsk will stay dependent on Moscow for the foreseeable future.';
const EXERCISE = 'Russia will hold a large military exercise near the Baltic Sea before autumn.';

interface Seeded {
  escalation: string;
  minsk: string;
  exercise: string;
}

describe('Analyst web UI in Chromium (e2e)', () => {
  let api: TestApp;
  let context: BrowserContext;
  let page: Page;
  let seeded: Seeded;
  let userDataDir: string;
  const browserErrors: string[] = [];
  const analystToken = tokenFor('carol', { roles: ['analyst', 'reviewer', 'auditor'], clearance: 'SECRET' });

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}; the web UI tests need it. Install it with: apt-get update && apt-get install -y chromium (.ci/run does this in CI).`,
      );
    }
    if (!existsSync(WEB_DIST)) {
      throw new Error(`The web UI is not built (${WEB_DIST} is missing); run \`npm run build\` first (\`npm test\` does).`);
    }
    // Totals exact up to 20 matches, so a page shows both an exact count and an "at least" one.
    api = await startTestApp(undefined, { listCountLimit: 20 });
    seeded = await seed(api);
    userDataDir = mkdtempSync(join(tmpdir(), 'ledger-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    watchForErrors(page, browserErrors);
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await closeChromium(context, userDataDir);
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    // In one full run of npm test (11:27 UTC, 2026-11-28) the app's close outlived this hook's 60 s
    // after every test had passed and Chromium had closed; its cause is not found. Bounded and said,
    // so that a slow close fails no test (Jest ends a worker that does not exit by itself).
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      (api?.destroy() ?? Promise.resolve()).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 20_000))),
    ]).finally(() => clearTimeout(timer));
    if (!closed) console.warn('the web UI test app did not close within 20 s');
  }, 60_000);

  it('serves the page and its assets without a token, and the API still needs one', async () => {
    const index = await fetch(`${api.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await index.text();
    const script = html.match(/src="(\/app\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${api.url}${script}`)).status).toBe(200);
    expect((await fetch(`${api.url}/app/missing.js`)).status).toBe(404);
    expect((await fetch(`${api.url}/assessments`)).status).toBe(401);
  });

  it('signs in with a pasted token, keeps it in sessionStorage and shows what the roles allow', async () => {
    await page.goto(`${api.url}/`);
    await page.waitForURL(/#\/sign-in$/);
    await page.getByLabel('Bearer token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.locator('form .form-message'), 'This is not a bearer token');

    await page.getByLabel('Bearer token').fill(analystToken);
    await expectText(page.locator('form.sign-in'), 'Token for carol: analyst, reviewer, auditor, cleared to SECRET');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Current assessments' }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('assessment-ledger.token'))).toBe(analystToken);
    await expectText(page.locator('.who summary'), 'carol');
    await page.locator('.who summary').click();
    await expectText(page.locator('.who-panel'), 'publish changes someone else made');
    await page.locator('.who summary').click();
    await page.getByRole('link', { name: 'Calibration' }).waitFor();
    expect(await rowStatements(page)).toEqual(expect.arrayContaining([NEW_WORDING, MINSK, EXERCISE]));
  });

  it('filters and searches the list, with likelihood in a chosen scale and review-due badges', async () => {
    await page.fill('#filter-region', 'Belarus');
    await page.click('button:has-text("Apply filters")');
    await waitForRows(page, [MINSK]);
    expect(page.url()).toContain('region=Belarus');

    await page.goto(`${api.url}/#/assessments`);
    await page.fill('#filter-q', 'Transnistria');
    await page.click('button:has-text("Apply filters")');
    await waitForRows(page, [NEW_WORDING]);

    await page.fill('#filter-q', '');
    await page.selectOption('#filter-likelihood', 'icd203:very-likely');
    await page.selectOption('#filter-scale', 'phia');
    await page.click('button:has-text("Apply filters")');
    await waitForRows(page, [MINSK]);
    // Stated as ICD 203 "very likely" (80–95%), shown in PHIA as "highly likely" (80–90%).
    await expectText(rowOf(page, seeded.minsk).locator('td[data-label="Likelihood"]'), 'highly likely (PHIA, 80–90%)');
    await expectText(rowOf(page, seeded.minsk).locator('td[data-label="Likelihood"]'), 'stated: very likely (ICD 203, 80–95%)');

    await page.goto(`${api.url}/#/assessments?status=published`);
    await waitForRows(page, [NEW_WORDING]);
    await expectText(rowOf(page, seeded.escalation), 'review due: horizon ended');

    await page.goto(`${api.url}/#/assessments`);
    await waitForRows(page, [NEW_WORDING, MINSK, EXERCISE], { anyOrder: true });
    await page.screenshot({ path: join(ARTIFACTS, 'web-ui-list.png'), fullPage: true });
  });

  it('pages with "Next page" through the API\'s cursor', async () => {
    // A page holds 25: two dozen more drafts make 27, two pages.
    let lastPosition = '0';
    for (let i = 0; i < 24; i += 1) {
      const body = draftBody({ statement: `Paging filler ${i}.`, subject: { topics: ['paging filler'] }, effectiveAt: undefined });
      const res = await api.request('POST', '/assessments', { actor: 'erin', body });
      expect(res.status).toBe(201);
      lastPosition = res.body.position;
    }
    expect((await api.request('GET', `/assessments?minPosition=${lastPosition}&limit=1`)).status).toBe(200);
    await page.goto(`${api.url}/#/assessments?sort=createdAt`);
    // 27 match; the service counted to its limit of 20 and said so.
    await expectText(page.locator('.result-count'), '20+ assessments match');
    expect(await page.locator('table.assessments tbody tr').count()).toBe(25);
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/cursor=/);
    await waitForRows(page, ['Paging filler 22.', 'Paging filler 23.']);
    await page.getByRole('link', { name: 'First page' }).waitFor();
    expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(0);
  });

  it('opens an assessment: facts, timeline with rationales on hover, word diff, evidence and history', async () => {
    await page.goto(`${api.url}/#/assessments?q=Transnistria`);
    await page.getByRole('link', { name: NEW_WORDING }).click();
    await page.getByRole('heading', { level: 1, name: NEW_WORDING }).waitFor();
    await expectText(page.locator('.facts'), 'very unlikely (ICD 203, 5–20%)');
    await expectText(page.locator('.facts'), 'moderate');

    // Hovering at the left edge of the plot puts the cursor on the first change.
    const plot = page.locator('.chart .u-over').first();
    await plot.waitFor();
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await expectText(page.locator('.chart-tooltip'), 'Rationale: Russian resources are tied up in the war against Ukraine.');
    // The keyboard steps through the same points.
    await page.locator('figure.chart').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectText(page.locator('.chart-tooltip'), 'Further units withdrawn from Transnistria to Ukraine.');
    await page.screenshot({ path: join(ARTIFACTS, 'web-ui-assessment.png') });

    // The default comparison is the last rewording.
    await expectText(page.locator('#diff-output .diff-summary'), 'words added');
    expect(await page.locator('#diff-output ins').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('frozen')]));
    expect(await page.locator('#diff-output del').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('is')]));
    await page.selectOption('#diff-from', '0');
    await page.selectOption('#diff-to', '1');
    await page.click('button:has-text("Compare wording")');
    await expectText(page.locator('#diff-output'), 'The wording is the same in both revisions.');

    await expectText(page.locator('section[aria-labelledby="evidence-heading"]'), 'B2');
    await expectText(page.locator('section[aria-labelledby="evidence-heading"]'), 'Units leave Transnistria');
    await expectText(page.locator('section[aria-labelledby="assumptions-heading"]'), 'Russian resources stay committed in Ukraine');
    await expectText(page.locator('section[aria-labelledby="indicators-heading"]'), 'Troop movements towards the border');
    const history = page.locator('table.history tbody tr');
    expect(await history.count()).toBe(7);
    await expectText(history.first(), 'Assessment published');
  });

  it('shows standing dissents beside the main line, and says when there are none', async () => {
    await page.goto(`${api.url}/#/assessments/${seeded.minsk}`);
    const dissents = page.locator('section[aria-labelledby="dissents-heading"]');
    await expectText(dissents, 'carol holds');
    await expectText(dissents, 'likely (ICD 203, 55–80%)');
    await expectText(dissents, 'points below the main line');
    await expectText(dissents, 'Belarus keeps some room for manoeuvre.');
    await page.goto(`${api.url}/#/assessments/${seeded.escalation}`);
    await expectText(page.locator('section[aria-labelledby="dissents-heading"]'), 'No standing dissent.');
  });

  it('shows the assessment and the list as they stood on an earlier day', async () => {
    await page.fill('#detail-asOf', '2023-03-15');
    await page.click('#detail-apply');
    await page.getByRole('heading', { level: 1, name: ORIGINAL_WORDING }).waitFor();
    await expectText(page.locator('main'), 'As it stood at the end of 2023-03-15 (UTC)');
    await expectText(page.locator('.facts'), 'very unlikely (ICD 203, 5–20%)');
    await expectText(page.locator('section[aria-labelledby="changes-heading"]'), 'Changes are made to the current revision');

    await page.fill('#detail-asOf', '2023-02-10');
    await page.click('#detail-apply');
    await expectText(page.locator('.facts'), 'unlikely (NTA, 0–25%)');

    await page.getByRole('link', { name: '← All assessments' }).click();
    await page.getByRole('heading', { name: 'Assessments as of 2023-02-10' }).waitFor();
    // Only the two judged by then, each as it stood: the escalation still in its first wording.
    await waitForRows(page, [ORIGINAL_WORDING, EXERCISE], { anyOrder: true });
  });

  it('reports a concurrent change as a conflict, says what changed, and succeeds on retry', async () => {
    await page.goto(`${api.url}/#/assessments/${seeded.escalation}`);
    await page.getByRole('heading', { level: 1, name: NEW_WORDING }).waitFor();
    const revisionOnPage = (await api.request('GET', `/assessments/${seeded.escalation}`)).body.revision as number;
    await expectText(page.locator('.badges-line'), `Revision ${revisionOnPage}`);

    await page.click('#confidence-section > summary');
    await page.selectOption('#confidence-level', 'high');
    await page.selectOption('#confidence-basis', 'new-reasoning');
    await page.fill('#confidence-rationale', 'Three independent sources now agree.');

    // Meanwhile, another analyst changes the likelihood through the API.
    const meanwhile = await api.request('POST', `/assessments/${seeded.escalation}/likelihood`, {
      actor: 'dave',
      body: {
        likelihood: { scale: 'icd203', term: 'unlikely' },
        basis: 'new-information',
        rationale: 'Reinforcements seen near Tiraspol.',
        expectedRevision: revisionOnPage,
      },
    });
    expect(meanwhile.status).toBe(200);

    await page.click('#confidence-submit');
    const conflict = page.locator('[data-conflict]');
    await expectText(conflict, `You were working on revision ${revisionOnPage}; it is now at revision ${revisionOnPage + 1}`);
    await expectText(conflict, 'Likelihood changed');
    await expectText(conflict, 'by dave');
    await expectText(conflict, 'Reinforcements seen near Tiraspol.');
    await page.screenshot({ path: join(ARTIFACTS, 'web-ui-conflict.png') });

    await page.getByRole('button', { name: `Apply my change to revision ${revisionOnPage + 1}` }).click();
    await expectText(page.locator('.panel-success'), `Change the confidence: recorded as revision ${revisionOnPage + 2}.`);
    await expectText(page.locator('.facts'), 'high');
    await expectText(page.locator('.facts'), 'unlikely (ICD 203, 20–45%)');

    const history = (await api.request('GET', `/assessments/${seeded.escalation}/history`)).body.events;
    expect(history.at(-1)).toMatchObject({ type: 'ConfidenceChanged', actor: 'carol', rationale: 'Three independent sources now agree.', basis: 'new-reasoning' });
  });

  it('puts field errors (400) beside their fields and rule violations (422) above the buttons', async () => {
    await page.click('#evidence-section > summary');
    await page.fill('#evidence-title', 'Satellite imagery of the depot');
    await page.fill('#evidence-source', 'Commercial imagery provider');
    await page.selectOption('#evidence-reliability', 'B');
    await page.selectOption('#evidence-credibility', '2');
    // The browser accepts this URL; the service wants a public host name.
    await page.fill('#evidence-url', 'http://intranet');
    await page.fill('#evidence-rationale', 'Shows the depot emptied.');
    await page.click('#evidence-submit');
    await expectText(page.locator('#evidence-url-error'), 'url');
    expect(await page.getAttribute('#evidence-url', 'aria-invalid')).toBe('true');
    await page.fill('#evidence-url', 'https://imagery.example.org/depot');
    await page.click('#evidence-submit');
    await expectText(page.locator('.panel-success'), 'Link evidence: recorded as revision');

    // Carol made the last change, so the four-eyes rule stops her publishing it.
    await page.click('#publish-section > summary');
    await page.fill('#publish-rationale', 'Checked it myself.');
    await page.click('#publish-submit');
    await expectText(page.locator('#publish-form .form-message'), 'four-eyes');
  });

  it('shows calibration: a reliability diagram and Brier scores by actor, topic and scale', async () => {
    await page.getByRole('link', { name: 'Calibration' }).click();
    await page.getByRole('heading', { name: 'Calibration' }).waitFor();
    await expectText(page.locator('#calibration-summary'), 'Judgments scored1');
    await page.locator('.chart canvas').first().waitFor();
    // NTA "likely" is 50–75%: the midpoint 62.5% lands in the 60–70% bin, and it occurred.
    await expectText(page.locator('#calibration-bin-table'), '60%–70%1');
    await expectText(page.locator('#calibration-bin-table'), '62.5%100.0%');

    for (const [groupBy, key] of [['actor', 'alice'], ['topic', 'military exercises'], ['scale', 'nta']]) {
      await page.selectOption('#calibration-groupBy', groupBy);
      await page.click('#calibration-apply');
      await page.getByRole('heading', { name: `Brier scores by ${groupBy}` }).waitFor();
      await expectText(page.locator('#calibration-groups'), key);
    }
    // The line as published: the seeded assessment was published at what it said when the outcome came.
    await page.selectOption('#calibration-line', 'published');
    await page.click('#calibration-apply');
    await page.waitForURL(/line=published/);
    expect(await page.locator('#calibration-line').inputValue()).toBe('published');
    await expectText(page.locator('#calibration-bin-table'), '62.5%100.0%');
    await page.screenshot({ path: join(ARTIFACTS, 'web-ui-calibration.png'), fullPage: true });
  });

  it('can be used with the keyboard, with focus visible, and passes an axe-core scan', async () => {
    // A fresh load leaves focus at the start of the document, where the skip link comes first.
    await page.goto(`${api.url}/#/assessments`);
    await page.reload();
    await page.getByRole('heading', { name: 'Current assessments' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    expect(await skip.evaluate((el) => el === (globalThis as any).document.activeElement)).toBe(true);
    expect(await skip.evaluate((el) => (globalThis as any).getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement.id)).toBe('main');
    // On to the first filter field, then into it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement.id)).toBe('filter-q');

    for (const path of ['#/assessments', `#/assessments/${seeded.escalation}`, '#/calibration?groupBy=actor', '#/assessments/new']) {
      await page.goto(`${api.url}/${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, violations: await seriousAxeViolations(page) }).toEqual({ path, violations: [] });
    }
  });

  it('works on a narrow screen (400 px): no sideways scrolling, one card per row', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    try {
      await page.goto(`${api.url}/#/assessments?status=published,resolved`);
      await waitForRows(page, [EXERCISE, NEW_WORDING], { anyOrder: true });
      expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      const cell = page.locator('table.assessments tbody td').first();
      expect(await cell.evaluate((el) => (globalThis as any).getComputedStyle(el).display)).toBe('block');
      await page.screenshot({ path: join(ARTIFACTS, 'web-ui-narrow.png'), fullPage: true });

      await page.goto(`${api.url}/#/assessments/${seeded.escalation}`);
      await page.getByRole('heading', { level: 1, name: NEW_WORDING }).waitFor();
      await page.locator('.chart canvas').first().waitFor();
      expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('hides what a reader may not do, and a reader sees only published assessments', async () => {
    // A new tab has its own sessionStorage: a separate sign-in.
    const readerPage = await context.newPage();
    watchForErrors(readerPage, browserErrors);
    try {
      await readerPage.goto(`${api.url}/#/sign-in`);
      await readerPage.getByLabel('Bearer token').fill(tokenFor('rita', { roles: ['reader'], clearance: 'SECRET' }));
      await readerPage.getByRole('button', { name: 'Sign in' }).click();
      await readerPage.getByRole('heading', { name: 'Current assessments' }).waitFor();
      await waitForRows(readerPage, [NEW_WORDING, EXERCISE], { anyOrder: true });
      expect(await readerPage.getByRole('link', { name: 'Calibration' }).count()).toBe(0);
      await readerPage.getByRole('link', { name: NEW_WORDING }).click();
      await readerPage.getByRole('heading', { level: 1, name: NEW_WORDING }).waitFor();
      await readerPage.locator('.chart canvas').first().waitFor();
      expect(await readerPage.locator('#changes-heading').count()).toBe(0);
      expect(await readerPage.locator('#history-heading').count()).toBe(0);
    } finally {
      await readerPage.close();
    }
  });

  /** An assessment of alice's, drafted now through the API, for one test to change on its own. */
  async function draftedByAlice(statement: string): Promise<string> {
    const res = await api.request('POST', '/assessments', { actor: 'alice', body: draftBody({ statement, effectiveAt: undefined }) });
    expect(res.status).toBe(201);
    return res.body.assessmentId as string;
  }

  async function openAssessment(id: string, statement: string): Promise<void> {
    await page.goto(`${api.url}/#/assessments/${id}`);
    await page.getByRole('heading', { level: 1, name: statement }).waitFor();
  }

  const current = async (id: string) => (await api.request('GET', `/assessments/${id}`)).body;

  /** A change (or a draft) made through the API as `actor`; throws with the service's answer when refused. */
  async function through(actor: string, path: string, body: Record<string, unknown>): Promise<{ assessmentId: string; revision: number; position: string } & Record<string, any>> {
    const res = await api.request('POST', path, { actor, body });
    if (res.status >= 300) throw new Error(`${path} as ${actor} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  it('drafts an assessment on its own page, with field errors beside the fields, and opens it', async () => {
    const statement = 'Hybrid pressure on the Baltic states is likely to grow over the next two years.';
    await page.goto(`${api.url}/#/assessments`);
    await page.getByRole('link', { name: 'Draft an assessment' }).click();
    await page.waitForURL(/#\/assessments\/new$/);
    await page.getByRole('heading', { level: 1, name: 'Draft an assessment' }).waitFor();

    await page.fill('#draft-statement', statement);
    await page.selectOption('#draft-likelihood-scale', 'phia');
    await page.selectOption('#draft-likelihood-term', 'likely');
    await page.selectOption('#draft-confidence', 'low');
    await page.selectOption('#draft-horizon-kind', 'term');
    await page.selectOption('#draft-horizon-term', 'near-term');
    await page.fill('#draft-horizon-start', '2026-01-01');
    await page.fill('#draft-subject-actors', 'Russia, Belarus');
    await page.fill('#draft-subject-regions', 'Baltic states');
    await page.fill('#draft-subject-topics', 'hybrid threats');
    // A section without its document: the service's 400 names source.document.
    await page.fill('#draft-source-section', 'Hybrid threats');
    await page.fill('#draft-rationale', 'Incidents doubled over the last year.');
    await page.click('#draft-submit');
    await expectText(page.locator('#draft-source-document-error'), 'source.document');
    expect(await page.getAttribute('#draft-source-document', 'aria-invalid')).toBe('true');
    await page.screenshot({ path: join(ARTIFACTS, 'web-ui-draft.png'), fullPage: true });

    await page.fill('#draft-source-document', 'Baltic Threat Review 2026');
    // Edited, the field no longer carries the error about the value sent before (a submit the browser's own
    // checks stop would never take it away).
    expect(await page.locator('#draft-source-document-error').count()).toBe(0);
    expect(await page.getAttribute('#draft-source-document', 'aria-invalid')).toBeNull();
    await page.click('#draft-submit');
    await expectText(page.locator('.panel-success'), 'Assessment drafted as revision 0.');
    await page.getByRole('heading', { level: 1, name: statement }).waitFor();
    const id = page.url().match(/#\/assessments\/([0-9a-f-]{36})$/)?.[1];
    expect(id).toBeDefined();

    expect(await current(id!)).toMatchObject({
      statement,
      status: 'draft',
      revision: 0,
      createdBy: 'carol',
      likelihood: { scale: 'phia', term: 'likely' },
      confidence: 'low',
      horizon: { term: 'near-term', start: expect.stringMatching(/^2026-01-01T00:00:00/), end: expect.stringMatching(/^2028-01-01T00:00:00/) },
      subject: { actors: ['Russia', 'Belarus'], regions: ['Baltic states'], topics: ['hybrid threats'] },
      source: { document: 'Baltic Threat Review 2026', section: 'Hybrid threats' },
    });
    const history = (await api.request('GET', `/assessments/${id}/history`)).body.events;
    expect(history[0]).toMatchObject({ type: 'AssessmentDrafted', actor: 'carol', rationale: 'Incidents doubled over the last year.' });
    // Carol drafted it, so she is not offered a dissent from it.
    expect(await page.locator('#dissent-section').count()).toBe(0);
    await expectText(page.locator('#dissent-unavailable'), 'You drafted this assessment');
  });

  it('changes the time horizon (a rule broken about it shown beside it) and the subject', async () => {
    const statement = 'Cyber attacks on Baltic energy grids will continue.';
    const id = await draftedByAlice(statement);
    await openAssessment(id, statement);

    await page.click('#horizon-section > summary');
    // Prefilled from the horizon as it stands.
    expect(await page.inputValue('#horizon-term')).toBe('short-term');
    await page.selectOption('#horizon-kind', 'dates');
    await page.fill('#horizon-start', '2020-01-01');
    await page.fill('#horizon-end', '2021-01-01');
    await page.fill('#horizon-rationale', 'The threat is long-lived.');
    await page.click('#horizon-submit');
    // Over before the change takes effect: a 422 about the horizon as a whole, placed at its first control.
    await expectText(page.locator('#horizon-kind-error'), 'horizon-already-ended');
    await page.fill('#horizon-start', '2026-01-01');
    await page.fill('#horizon-end', '2030-06-30');
    await page.click('#horizon-submit');
    await expectText(page.locator('.panel-success'), 'Change the time horizon: recorded as revision 1.');
    expect((await current(id)).horizon).toEqual({
      term: null,
      start: expect.stringMatching(/^2026-01-01T00:00:00/),
      end: expect.stringMatching(/^2030-06-30T00:00:00/),
    });

    await page.click('#subject-section > summary');
    expect(await page.inputValue('#subject-regions')).toBe('Moldova, Georgia');
    await page.fill('#subject-actors', 'Russia, unattributed groups');
    await page.fill('#subject-regions', 'Estonia, Latvia,Lithuania');
    await page.fill('#subject-topics', 'cyber, energy');
    await page.fill('#subject-rationale', 'Refocused on the Baltic grids.');
    await page.click('#subject-submit');
    await expectText(page.locator('.panel-success'), 'Change the subject: recorded as revision 2.');
    expect((await current(id)).subject).toEqual({
      actors: ['Russia', 'unattributed groups'],
      regions: ['Estonia', 'Latvia', 'Lithuania'],
      topics: ['cyber', 'energy'],
    });
  });

  it('states a key assumption, then reviews it from the list of the assessment\'s assumptions', async () => {
    const statement = 'Moldova will hold its elections on schedule.';
    const id = await draftedByAlice(statement);
    await openAssessment(id, statement);
    // Nothing to review yet.
    expect(await page.locator('#review-assumption-section').count()).toBe(0);

    await page.click('#assumption-section > summary');
    await page.fill('#assumption-text', 'The government keeps its parliamentary majority.');
    await page.check('#assumption-linchpin');
    await page.fill('#assumption-rationale', 'Everything rests on it.');
    await page.click('#assumption-submit');
    await expectText(page.locator('.panel-success'), 'State a key assumption: recorded as revision 1.');
    await expectText(page.locator('section[aria-labelledby="assumptions-heading"]'), 'The government keeps its parliamentary majority.');

    await page.click('#review-assumption-section > summary');
    const assumptionId = (await current(id)).assumptions[0].assumptionId as string;
    expect(await page.inputValue('#review-assumption-assumptionId')).toBe(assumptionId);
    await page.selectOption('#review-assumption-verdict', 'weakened');
    await page.fill('#review-assumption-rationale', 'Two members left the coalition.');
    await page.click('#review-assumption-submit');
    await expectText(page.locator('.panel-success'), 'Review a key assumption: recorded as revision 2.');
    await expectText(page.locator('section[aria-labelledby="assumptions-heading"]'), 'weakened');
    expect((await current(id)).assumptions).toEqual([
      expect.objectContaining({
        assumptionId,
        text: 'The government keeps its parliamentary majority.',
        linchpin: true,
        review: expect.objectContaining({ verdict: 'weakened', reviewedBy: 'carol' }),
      }),
    ]);
  });

  it('adds an indicator, then records an observation of it', async () => {
    const statement = 'Russia will not mobilise reservists near Narva this year.';
    const id = await draftedByAlice(statement);
    await openAssessment(id, statement);
    expect(await page.locator('#observation-section').count()).toBe(0);

    await page.click('#indicator-section > summary');
    await page.fill('#indicator-text', 'Reservist call-ups in the Leningrad military district.');
    await page.selectOption('#indicator-direction', 'lowers');
    await page.fill('#indicator-rationale', 'The first sign we would see.');
    await page.click('#indicator-submit');
    await expectText(page.locator('.panel-success'), 'Add an indicator: recorded as revision 1.');

    // Yesterday, so the time is in the past whenever the test runs.
    const seenAt = new Date(Date.now() - 86_400_000).toISOString().slice(0, 16);
    await page.click('#observation-section > summary');
    const indicatorId = (await current(id)).indicators[0].indicatorId as string;
    expect(await page.inputValue('#observation-indicatorId')).toBe(indicatorId);
    await page.fill('#observation-observation', 'Call-up notices reported in Pskov.');
    await page.fill('#observation-observedAt', seenAt);
    await page.fill('#observation-rationale', 'Local press, two outlets.');
    await page.click('#observation-submit');
    await expectText(page.locator('.panel-success'), 'Record an observation of an indicator: recorded as revision 2.');
    expect((await current(id)).indicators).toEqual([
      expect.objectContaining({
        indicatorId,
        text: 'Reservist call-ups in the Leningrad military district.',
        direction: 'lowers',
        observations: [expect.objectContaining({ observation: 'Call-up notices reported in Pskov.', observedAt: expect.stringMatching(new RegExp(`^${seenAt}:00`)), recordedBy: 'carol' })],
      }),
    ]);
  });

  it('records a dissent from an assessment another analyst drafted', async () => {
    const statement = 'Belarus will host more Russian troops by spring.';
    const id = await draftedByAlice(statement);
    await openAssessment(id, statement);

    await page.click('#dissent-section > summary');
    await page.fill('#dissent-rationale', 'The infrastructure is not ready.');
    // Neither a likelihood nor a confidence: the service's 400 names the likelihood, shown at its scale.
    await page.click('#dissent-submit');
    await expectText(page.locator('#dissent-likelihood-scale-error'), 'likelihood or confidence is required: a dissent states a likelihood, a confidence, or both');

    await page.selectOption('#dissent-likelihood-scale', 'icd203');
    await page.selectOption('#dissent-likelihood-term', 'likely');
    await page.selectOption('#dissent-confidence', 'low');
    await page.click('#dissent-submit');
    await expectText(page.locator('.panel-success'), 'Record a dissent: recorded as revision 1.');
    await expectText(page.locator('section[aria-labelledby="dissents-heading"]'), 'carol holds');
    await expectText(page.locator('#dissent-unavailable'), 'Your dissent stands beside the main line');
    expect((await current(id)).dissents).toEqual([
      expect.objectContaining({ author: 'carol', confidence: 'low', likelihood: expect.objectContaining({ scale: 'icd203', term: 'likely' }), rationale: 'The infrastructure is not ready.' }),
    ]);
  });

  it('supersedes one assessment by another, given its page address, and withdraws the other', async () => {
    const older = 'The Suwalki gap will see no incidents this quarter.';
    const newer = 'The Suwalki gap will see at most minor incidents this quarter.';
    const olderId = await draftedByAlice(older);
    const newerId = await draftedByAlice(newer);

    await openAssessment(olderId, older);
    await page.click('#supersede-section > summary');
    await page.fill('#supersede-supersededBy', `${api.url}/#/assessments/${newerId}`);
    await page.fill('#supersede-rationale', 'Reworded with a tolerance for minor incidents.');
    await page.click('#supersede-submit');
    await expectText(page.locator('.panel-success'), 'Supersede by another assessment: recorded as revision 1.');
    await expectText(page.locator('section[aria-labelledby="changes-heading"]'), 'This assessment is superseded; it takes no further changes.');
    expect(await current(olderId)).toMatchObject({ status: 'superseded', supersededBy: newerId });

    await openAssessment(newerId, newer);
    await page.click('#withdraw-section > summary');
    await page.fill('#withdraw-rationale', 'The quarter is over; no longer a live question.');
    await page.click('#withdraw-submit');
    await expectText(page.locator('.panel-success'), 'Withdraw the assessment: recorded as revision 1.');
    await expectText(page.locator('section[aria-labelledby="changes-heading"]'), 'This assessment is withdrawn; it takes no further changes.');
    expect((await current(newerId)).status).toBe('withdrawn');
  });

  it('retracts the outcome of a resolved assessment, which reopens it', async () => {
    const statement = 'Lithuania will complete its grid synchronisation on time.';
    const id = await draftedByAlice(statement);
    const resolved = await api.request('POST', `/assessments/${id}/outcome`, {
      actor: 'alice',
      body: { outcome: 'occurred', knownAt: new Date().toISOString(), rationale: 'Synchronised.', expectedRevision: 0 },
    });
    expect(resolved.status).toBe(200);

    await openAssessment(id, statement);
    const changes = page.locator('section[aria-labelledby="changes-heading"]');
    await expectText(changes, 'This assessment is resolved');
    expect(await page.locator('#reword-section').count()).toBe(0);
    await page.click('#retract-outcome-section > summary');
    await page.fill('#retract-outcome-rationale', 'Recorded against the wrong assessment.');
    await page.click('#retract-outcome-submit');
    await expectText(page.locator('.panel-success'), 'Retract the outcome: recorded as revision 2.');
    // Open again: the usual forms are back.
    await page.locator('#reword-section').waitFor();
    const after = await current(id);
    expect(after.status).not.toBe('resolved');
    expect(after.outcome).toBeNull();
  });

  it('passes an axe-core scan with every change form open', async () => {
    const statement = 'Russia will keep its forces in Transnistria.';
    const id = await draftedByAlice(statement);
    // An assumption and an indicator, so the forms that pick one of them show too.
    await api.request('POST', `/assessments/${id}/assumptions`, { actor: 'alice', body: { text: 'Moldova does not ask them to leave.', linchpin: false, rationale: 'Key.', expectedRevision: 0 } });
    await api.request('POST', `/assessments/${id}/indicators`, { actor: 'alice', body: { text: 'Rotations stop.', direction: 'lowers', rationale: 'Watch.', expectedRevision: 1 } });
    // Evidence, and a dissent of carol's (the signed-in analyst), so the forms to unlink it and to revise or withdraw it show too.
    await through('alice', `/assessments/${id}/evidence`, { title: 'Rotation schedule', source: 'Open-source reporting', reliability: 'C', credibility: 3, bearing: 'supports', rationale: 'Seen.', expectedRevision: 2 });
    await through('carol', `/assessments/${id}/dissents`, { confidence: 'low', rationale: 'Thin sourcing.', expectedRevision: 3 });
    await openAssessment(id, statement);
    await page.locator('#observation-section').waitFor();
    for (const form of ['unlink-evidence', 'revise-dissent', 'withdraw-dissent', 'classification']) await page.locator(`#${form}-section`).waitFor();
    await page.evaluate(() => {
      for (const details of (globalThis as any).document.querySelectorAll('details.change')) details.open = true;
    });
    expect(await page.locator('details.change[open]').count()).toBeGreaterThanOrEqual(18);
    await page.locator('section[aria-labelledby="changes-heading"]').screenshot({ path: join(ARTIFACTS, 'web-ui-change-forms.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('filters the list to a reviewer\'s queue, kept in the address, and offers it only to those who see drafts', async () => {
    // One word no other assessment uses, so the search isolates these four.
    const word = 'Pechenga';
    const draft = `A draft about ${word} awaits its first publication.`;
    const published = `A published judgment about ${word} with nothing new.`;
    const reworded = `A published judgment about ${word}, since reworded.`;
    const closed = `A draft about ${word} that was withdrawn.`;
    await through('alice', '/assessments', draftBody({ statement: draft, effectiveAt: undefined }));
    const publishedId = (await through('alice', '/assessments', draftBody({ statement: published, effectiveAt: undefined }))).assessmentId;
    await through('bob', `/assessments/${publishedId}/publish`, { rationale: 'Reviewed.', expectedRevision: 0 });
    const rewordedId = (await through('alice', '/assessments', draftBody({ statement: `${reworded} (first wording)`, effectiveAt: undefined }))).assessmentId;
    await through('bob', `/assessments/${rewordedId}/publish`, { rationale: 'Reviewed.', expectedRevision: 0 });
    await through('alice', `/assessments/${rewordedId}/statement`, { statement: reworded, rationale: 'Tighter wording.', expectedRevision: 1 });
    const closedId = (await through('alice', '/assessments', draftBody({ statement: closed, effectiveAt: undefined }))).assessmentId;
    const last = await through('alice', `/assessments/${closedId}/withdraw`, { rationale: 'Overtaken by events.', expectedRevision: 0 });
    expect((await api.request('GET', `/assessments?minPosition=${last.position}&limit=1`)).status).toBe(200);

    await page.goto(`${api.url}/#/assessments?q=${word}`);
    await waitForRows(page, [draft, published, reworded, closed], { anyOrder: true });
    await page.selectOption('#filter-awaitingPublication', 'true');
    await page.click('button:has-text("Apply filters")');
    await page.waitForURL(/awaitingPublication=true/);
    expect(page.url()).toContain(`q=${word}`);
    await waitForRows(page, [draft, reworded], { anyOrder: true });

    // A reload keeps the filter, shown as chosen.
    await page.reload();
    await waitForRows(page, [draft, reworded], { anyOrder: true });
    expect(await page.inputValue('#filter-awaitingPublication')).toBe('true');

    await page.selectOption('#filter-awaitingPublication', 'false');
    await page.click('button:has-text("Apply filters")');
    await page.waitForURL(/awaitingPublication=false/);
    await waitForRows(page, [published, closed], { anyOrder: true });

    // A reader sees nothing that awaits publication: the filter is not offered, nor applied from an address.
    const readerPage = await context.newPage();
    watchForErrors(readerPage, browserErrors);
    try {
      await readerPage.goto(`${api.url}/#/sign-in`);
      await readerPage.getByLabel('Bearer token').fill(tokenFor('rita', { roles: ['reader'], clearance: 'SECRET' }));
      await readerPage.getByRole('button', { name: 'Sign in' }).click();
      await readerPage.getByRole('heading', { name: 'Current assessments' }).waitFor();
      await readerPage.goto(`${api.url}/#/assessments?q=${word}&awaitingPublication=true`);
      // The reworded one as readers know it: as last published.
      await waitForRows(readerPage, [published, `${reworded} (first wording)`], { anyOrder: true });
      expect(await readerPage.locator('#filter-awaitingPublication').count()).toBe(0);
      // Nor is the draft status, which could only ever list nothing for a reader.
      expect(await readerPage.locator('#filter-status option').allTextContents()).not.toContain('draft');
      expect(await page.locator('#filter-status option').allTextContents()).toContain('draft');
    } finally {
      await readerPage.close();
    }
  });

  it('revises, then withdraws, the signed-in analyst\'s own dissent', async () => {
    const statement = 'Russia will reopen the Narva crossing before winter.';
    const id = await draftedByAlice(statement);
    const evidenceId = (
      await through('alice', `/assessments/${id}/evidence`, {
        title: 'Border guard statement',
        source: 'Estonian Police and Border Guard Board',
        reliability: 'A',
        credibility: 2,
        bearing: 'contradicts',
        rationale: 'Official word on the crossing.',
        expectedRevision: 0,
      })
    ).evidenceId as string;
    // The page signs in as carol: her dissent (citing the evidence), and dave's, which is not hers to change.
    await through('carol', `/assessments/${id}/dissents`, {
      likelihood: { scale: 'icd203', term: 'unlikely' },
      confidence: 'low',
      evidenceIds: [evidenceId],
      rationale: 'The border guard says the crossing stays shut.',
      expectedRevision: 1,
    });
    await through('dave', `/assessments/${id}/dissents`, { confidence: 'high', rationale: 'The reporting is solid.', expectedRevision: 2 });
    await openAssessment(id, statement);
    // Carol holds a dissent: she may revise or withdraw it, not record another.
    expect(await page.locator('#dissent-section').count()).toBe(0);
    await expectText(page.locator('#dissent-unavailable'), 'Your dissent stands beside the main line');

    await page.click('#revise-dissent-section > summary');
    // It starts from her dissent as it stands.
    expect(await page.inputValue('#revise-dissent-likelihood-scale')).toBe('icd203');
    expect(await page.inputValue('#revise-dissent-likelihood-term')).toBe('unlikely');
    expect(await page.inputValue('#revise-dissent-confidence')).toBe('low');
    // The same position for the same reason is no revision: the service's 422 lands at the likelihood.
    await page.fill('#revise-dissent-rationale', 'The border guard says the crossing stays shut.');
    await page.click('#revise-dissent-submit');
    await expectText(page.locator('#revise-dissent-likelihood-scale-error'), 'no-change');

    // Confidence alone now: the likelihood she held is dropped.
    await page.selectOption('#revise-dissent-likelihood-scale', '');
    await page.selectOption('#revise-dissent-confidence', 'high');
    await page.fill('#revise-dissent-rationale', 'The likelihood is fair; the sourcing is what I doubt.');
    await page.click('#revise-dissent-submit');
    await expectText(page.locator('.panel-success'), 'Revise my dissent: recorded as revision 4.');
    const revised = (await current(id)).dissents;
    expect(revised).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ author: 'carol', likelihood: null, confidence: 'high', evidenceIds: [evidenceId], rationale: 'The likelihood is fair; the sourcing is what I doubt.' }),
        expect.objectContaining({ author: 'dave', confidence: 'high', rationale: 'The reporting is solid.' }),
      ]),
    );
    expect(revised).toHaveLength(2);
    const hers = page.locator(`[data-dissent="${revised.find((d: any) => d.author === 'carol').dissentId}"]`);
    await expectText(hers, 'The likelihood is fair; the sourcing is what I doubt.');
    await expectText(hers, 'high confidence');

    await page.click('#withdraw-dissent-section > summary');
    await page.fill('#withdraw-dissent-rationale', 'Persuaded by the second source.');
    await page.click('#withdraw-dissent-submit');
    await expectText(page.locator('.panel-success'), 'Withdraw my dissent: recorded as revision 5.');
    expect((await current(id)).dissents).toEqual([expect.objectContaining({ author: 'dave' })]);
    // Hers gone, she may dissent afresh; the assessment itself is untouched.
    await page.locator('#dissent-section').waitFor();
    expect(await page.locator('#revise-dissent-section').count()).toBe(0);
    expect((await current(id)).status).toBe('draft');
    const history = (await api.request('GET', `/assessments/${id}/history`)).body.events;
    expect(history.slice(-2)).toEqual([
      expect.objectContaining({ type: 'DissentRevised', actor: 'carol' }),
      expect.objectContaining({ type: 'DissentWithdrawn', actor: 'carol', rationale: 'Persuaded by the second source.' }),
    ]);
  });

  it('unlinks one of the linked evidence items, offered only when some are linked', async () => {
    const statement = 'Latvia will finish its eastern border fence this year.';
    const id = await draftedByAlice(statement);
    await openAssessment(id, statement);
    expect(await page.locator('#unlink-evidence-section').count()).toBe(0);

    const link = (title: string, expectedRevision: number) =>
      through('alice', `/assessments/${id}/evidence`, {
        title,
        source: 'Latvian State Border Guard',
        reliability: 'B',
        credibility: 2,
        bearing: 'supports',
        rationale: 'Progress report.',
        expectedRevision,
      });
    const kept = (await link('Fence 60% complete', 0)).evidenceId as string;
    const dropped = (await link('Contractor reports delays', 1)).evidenceId as string;
    // The same address again is no navigation: a reload shows what was linked meanwhile.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: statement }).waitFor();
    await page.click('#unlink-evidence-section > summary');
    expect(await page.locator('#unlink-evidence-evidenceId option').allInnerTexts()).toEqual([
      expect.stringContaining('Fence 60% complete'),
      expect.stringContaining('Contractor reports delays'),
    ]);
    await page.selectOption('#unlink-evidence-evidenceId', dropped);
    await page.fill('#unlink-evidence-rationale', 'The report was about another section of the border.');
    await page.click('#unlink-evidence-submit');
    await expectText(page.locator('.panel-success'), 'Unlink evidence: recorded as revision 3.');
    expect((await current(id)).evidence.items).toEqual([expect.objectContaining({ evidenceId: kept, title: 'Fence 60% complete' })]);
    const evidence = page.locator('section[aria-labelledby="evidence-heading"]');
    await expectText(evidence, 'Fence 60% complete');
    expect(await evidence.textContent()).not.toContain('Contractor reports delays');
    const history = (await api.request('GET', `/assessments/${id}/history`)).body.events;
    expect(history.at(-1)).toMatchObject({ type: 'EvidenceUnlinked', actor: 'carol', rationale: 'The report was about another section of the border.' });
  });

  it('changes the marking, and shows why the service refuses an unknown one or one above the clearance', async () => {
    const statement = 'Finland will keep its eastern border crossings closed.';
    const id = await draftedByAlice(statement);

    // An analyst cleared only to RESTRICTED, in a tab of her own, may not mark it above that.
    const dianaPage = await context.newPage();
    watchForErrors(dianaPage, browserErrors);
    try {
      await dianaPage.goto(`${api.url}/#/sign-in`);
      await dianaPage.getByLabel('Bearer token').fill(tokenFor('diana', { roles: ['analyst'], clearance: 'RESTRICTED' }));
      await dianaPage.getByRole('button', { name: 'Sign in' }).click();
      await dianaPage.getByRole('heading', { name: 'Current assessments' }).waitFor();
      await dianaPage.goto(`${api.url}/#/assessments/${id}`);
      await dianaPage.getByRole('heading', { level: 1, name: statement }).waitFor();
      await dianaPage.click('#classification-section > summary');
      await expectText(dianaPage.locator('#classification-classification-hint'), 'not above your clearance (RESTRICTED)');
      await dianaPage.fill('#classification-classification', 'SECRET');
      await dianaPage.fill('#classification-rationale', 'Sources need protecting.');
      await dianaPage.click('#classification-submit');
      await expectText(dianaPage.locator('#classification-classification-error'), 'above-clearance');
      expect(await dianaPage.getAttribute('#classification-classification', 'aria-invalid')).toBe('true');
    } finally {
      await dianaPage.close();
    }

    await openAssessment(id, statement);
    await page.click('#classification-section > summary');
    expect(await page.inputValue('#classification-classification')).toBe('UNCLASSIFIED');
    await page.fill('#classification-classification', 'TOP SECRET');
    await page.fill('#classification-rationale', 'Sources need protecting.');
    await page.click('#classification-submit');
    await expectText(page.locator('#classification-classification-error'), 'must be one of UNCLASSIFIED');
    expect((await current(id)).classification).toBe('UNCLASSIFIED');

    await page.fill('#classification-classification', 'CONFIDENTIAL');
    await page.click('#classification-submit');
    await expectText(page.locator('.panel-success'), 'Change the marking: recorded as revision 1.');
    await expectText(page.locator('.badges-line'), 'CONFIDENTIAL');
    expect((await current(id)).classification).toBe('CONFIDENTIAL');
    const history = (await api.request('GET', `/assessments/${id}/history`)).body.events;
    expect(history.at(-1)).toMatchObject({ type: 'ClassificationChanged', actor: 'carol', rationale: 'Sources need protecting.' });
  });

  /** Drafted by alice and published by bob; then alice rewords it and raises the likelihood, which awaits publication. */
  async function publishedThenChangedByAlice(published: string, reworded: string): Promise<string> {
    const id = (await through('alice', '/assessments', draftBody({ statement: published, effectiveAt: undefined }))).assessmentId;
    await through('bob', `/assessments/${id}/publish`, { rationale: 'Reviewed.', expectedRevision: 0 });
    await through('alice', `/assessments/${id}/statement`, { statement: reworded, rationale: 'The talks in Brussels stalled.', expectedRevision: 1 });
    await through('alice', `/assessments/${id}/likelihood`, {
      likelihood: { scale: 'nta', term: 'likely' },
      basis: 'new-information',
      rationale: 'Belgrade renewed its gas contract with Moscow.',
      expectedRevision: 2,
    });
    return id;
  }

  it('shows a reviewer what awaits publication since the published revision, and nothing once it is published', async () => {
    const published = 'Serbia will stay outside the EU sanctions regime this year.';
    const reworded = 'Serbia will almost certainly stay outside the EU sanctions regime through next year.';
    const draft = await draftedByAlice('Kosovo and Serbia will sign no normalisation deal this year.');
    await openAssessment(draft, 'Kosovo and Serbia will sign no normalisation deal this year.');
    await expectText(page.locator('section[aria-labelledby="awaiting-heading"]'), 'never published');

    const id = await publishedThenChangedByAlice(published, reworded);
    await openAssessment(id, reworded);
    const panel = page.locator('section[aria-labelledby="awaiting-heading"]');
    await expectText(panel.getByRole('heading', { level: 2 }), 'Awaiting publication');
    await expectText(panel, 'Published as revision 1');
    await expectText(panel, 'alice made the last one, so someone else must publish');
    const changes = panel.locator('li');
    expect(await changes.count()).toBe(2);
    await expectText(changes.nth(0), 'Revision 2: Statement reworded by alice');
    await expectText(changes.nth(0), 'Rationale: The talks in Brussels stalled.');
    await expectText(changes.nth(1), 'Revision 3: Likelihood changed by alice');
    await expectText(changes.nth(1), 'Rationale: Belgrade renewed its gas contract with Moscow.');
    await expectText(changes.nth(1), 'basis: new information');
    // The wording from the published revision to now, word by word.
    expect(await panel.locator('.diff ins').allTextContents()).toEqual(['[added: almost certainly ]', '[added: through next]']);
    expect(await panel.locator('.diff del').allTextContents()).toEqual(['[removed: this]']);
    const likelihood = panel.locator('dt:has-text("Likelihood") + dd');
    await expectText(likelihood, 'unlikely (NTA, 0–25%) → likely');
    await expectText(panel.locator('dt:has-text("Confidence") + dd'), 'moderate → moderate');

    // Carol did not make the last change, so she may publish it; then nothing awaits.
    await page.click('#publish-section > summary');
    await page.fill('#publish-rationale', 'Checked the gas contract reporting.');
    await page.click('#publish-submit');
    await expectText(page.locator('.panel-success'), 'Publish: recorded as revision 4.');
    await expectText(page.locator('.badges-line'), 'Revision 4');
    expect(await page.locator('section[aria-labelledby="awaiting-heading"]').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows a reader nothing awaiting publication: they see the assessment as last published', async () => {
    const published = 'Montenegro will open no new EU accession chapters this year.';
    const reworded = 'Montenegro will close no EU accession chapters before next year.';
    const id = await publishedThenChangedByAlice(published, reworded);
    await openAssessment(id, reworded);
    await page.locator('section[aria-labelledby="awaiting-heading"] li').nth(1).waitFor();

    const readerPage = await context.newPage();
    watchForErrors(readerPage, browserErrors);
    try {
      await readerPage.goto(`${api.url}/#/sign-in`);
      await readerPage.getByLabel('Bearer token').fill(tokenFor('rita', { roles: ['reader'], clearance: 'SECRET' }));
      await readerPage.getByRole('button', { name: 'Sign in' }).click();
      await readerPage.getByRole('heading', { name: 'Current assessments' }).waitFor();
      await readerPage.goto(`${api.url}/#/assessments/${id}`);
      await readerPage.getByRole('heading', { level: 1, name: published }).waitFor();
      await readerPage.locator('.chart canvas').first().waitFor();
      expect(await readerPage.locator('#awaiting-heading').count()).toBe(0);
      expect(await readerPage.getByText('Awaiting publication').count()).toBe(0);
    } finally {
      await readerPage.close();
    }
  });

  it('logged no errors in the browser console (CSP violations included)', () => {
    expect(browserErrors).toEqual([]);
  });
});

/**
 * Three assessments: the escalation judgment with a history (evidence, a
 * likelihood change, a rewording, publication; all backdated), a draft about
 * Belarus, and a published one resolved with an outcome, so calibration has
 * a judgment to score.
 */
async function seed(api: TestApp): Promise<Seeded> {
  let lastPosition = '0';
  const command = async (path: string, body: Record<string, unknown>, actor = 'alice') => {
    const res = await api.request('POST', path, { actor, body });
    if (res.status >= 300) throw new Error(`seeding ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
    lastPosition = res.body.position;
    return res.body as { assessmentId: string; revision: number };
  };

  const escalation = (await command('/assessments', draftBody({ statement: ORIGINAL_WORDING }))).assessmentId;
  const at = `/assessments/${escalation}`;
  await command(`${at}/evidence`, {
    title: 'Units leave Transnistria',
    source: 'Open-source reporting',
    reliability: 'B',
    credibility: 2,
    bearing: 'supports',
    rationale: 'Confirms the drawdown.',
    expectedRevision: 0,
    effectiveAt: '2023-02-20T00:00:00Z',
  });
  await command(`${at}/likelihood`, {
    likelihood: { scale: 'icd203', term: 'very-unlikely' },
    basis: 'new-information',
    rationale: 'Further units withdrawn from Transnistria to Ukraine.',
    expectedRevision: 1,
    effectiveAt: '2023-03-01T00:00:00Z',
  });
  await command(`${at}/statement`, { statement: NEW_WORDING, rationale: 'Name the conflicts meant.', expectedRevision: 2, effectiveAt: '2023-04-01T00:00:00Z' });
  await command(`${at}/assumptions`, { text: 'Russian resources stay committed in Ukraine.', linchpin: true, rationale: 'Key assumption.', expectedRevision: 3, effectiveAt: '2023-04-01T00:00:00Z' });
  await command(`${at}/indicators`, { text: 'Troop movements towards the border.', direction: 'raises', rationale: 'Early warning.', expectedRevision: 4, effectiveAt: '2023-04-01T00:00:00Z' });
  await command(`${at}/publish`, { rationale: 'Checked against the sources.', expectedRevision: 5, effectiveAt: '2023-04-02T00:00:00Z' }, 'bob');

  const minsk = (
    await command(
      '/assessments',
      draftBody({
        statement: MINSK,
        likelihood: { scale: 'icd203', term: 'very-likely' },
        subject: { actors: ['Belarus'], regions: ['Belarus'], topics: ['political dependence'] },
        effectiveAt: undefined,
      }),
    )
  ).assessmentId;

  await command(`/assessments/${minsk}/dissents`, {
    likelihood: { scale: 'icd203', term: 'likely' },
    rationale: 'Belarus keeps some room for manoeuvre.',
    expectedRevision: 0,
  }, 'carol');

  const exercise = (
    await command(
      '/assessments',
      draftBody({
        statement: EXERCISE,
        likelihood: { scale: 'nta', term: 'likely' },
        confidence: 'high',
        subject: { actors: ['Russia'], regions: ['Baltic Sea'], topics: ['military exercises'] },
      }),
    )
  ).assessmentId;
  await command(`/assessments/${exercise}/publish`, { rationale: 'Reviewed.', expectedRevision: 0, effectiveAt: '2023-02-06T00:00:00Z' }, 'bob');
  // Scoring counts only judgments the ledger held before the outcome became known, so it becomes known now.
  await command(`/assessments/${exercise}/outcome`, { outcome: 'occurred', knownAt: new Date().toISOString(), rationale: 'The exercise took place.', expectedRevision: 1 });

  // Wait for the read models, so the first list in the browser includes everything.
  const ready = await api.request('GET', `/assessments?minPosition=${lastPosition}&limit=1`);
  if (ready.status !== 200) throw new Error(`read models did not catch up: ${ready.status}`);
  return { escalation, minsk, exercise };
}

const AXE_SOURCE = join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js');

/** axe-core's serious and critical findings on the page as it stands, one line each. */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  return page.evaluate(async () => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target.join(' ')).join(', ')})`);
  });
}

function watchForErrors(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    // Chromium logs every error answer a fetch gets; the tests cause 400, 409 and 422 on purpose.
    const expected = /^Failed to load resource: the server responded with a status of (400|409|422)\b/.test(message.text());
    if (message.type() === 'error' && !expected) errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() === 404) errors.push(`404: ${response.url()}`);
  });
}

/** Waits until `locator`'s text contains `text` (Playwright's own expect is not used under Jest). */
async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen = '';
  while (Date.now() < deadline) {
    seen = (await locator.first().textContent({ timeout: 10_000 }).catch(() => null)) ?? '';
    if (seen.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`expected the text of ${String(locator)} to contain “${text}”, it was “${seen}”`);
}

async function rowStatements(page: Page): Promise<string[]> {
  await page.locator('table.assessments tbody tr').first().waitFor();
  return page.locator('table.assessments tbody tr td[data-label="Statement"] a').allInnerTexts();
}

/** Waits until the table lists exactly these statements (in this order unless anyOrder). */
async function waitForRows(page: Page, statements: string[], options: { anyOrder?: boolean } = {}): Promise<void> {
  const normalise = (list: string[]) => (options.anyOrder ? [...list].sort() : list);
  const deadline = Date.now() + 10_000;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await page.locator('table.assessments tbody tr td[data-label="Statement"] a').allInnerTexts();
    if (JSON.stringify(normalise(seen)) === JSON.stringify(normalise(statements))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`expected the rows ${JSON.stringify(statements)}, saw ${JSON.stringify(seen)}`);
}

function rowOf(page: Page, assessmentId: string) {
  return page.locator(`tr[data-assessment-id="${assessmentId}"]`);
}
