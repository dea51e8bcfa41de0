import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WORKSPACE_ROOT } from '@aftercare/testing';
import { SCREENSHOT_DIR } from './console-stack';

const AXE = join(WORKSPACE_ROOT, 'node_modules/axe-core/axe.min.js');
const DOCS = join(WORKSPACE_ROOT, 'apps/console/docs');

/** The widths every screen is held to: a phone (390 px) and a desktop (1440 px). */
export const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/**
 * Every code the console has a label for (enums.json): none may appear raw in a page's text. Only codes that
 * are unmistakably codes count (at least 3 capitals, e.g. COMPLAINTS_AGENT, OPEN, SALES): grades A–F and
 * tier letters are letters people read.
 */
function rawCodes(): Set<string> {
  const enums = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'apps/console/src/i18n/locales/zh-CN/enums.json'), 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  return new Set(Object.values(enums).flatMap((values) => Object.keys(values).filter((value) => /^[A-Z][A-Z0-9_]{2,}$/.test(value))));
}
const CODES = rawCodes();

export interface ScreenFindings {
  lang: string;
  scrollWidth: number;
  innerWidth: number;
  untranslated: string[];
  rawCodes: string[];
  /** The elements reaching past the window's right edge (empty when nothing overflows). */
  wide: string[];
  axe: { id: string; impact: string; help: string; targets: string[] }[];
}

/** What the checks found on the page as it is now (one width). */
export async function inspect(page: Page): Promise<ScreenFindings> {
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    text: document.body.innerText,
    // When the page is wider than the window: the deepest elements reaching past its right edge, to fix them.
    wide: [...document.querySelectorAll('body *')]
      .filter(
        (element) =>
          element.getBoundingClientRect().right > window.innerWidth + 1 &&
          ![...element.children].some((child) => child.getBoundingClientRect().right > window.innerWidth + 1),
      )
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].slice(0, 3).join('.')} right=${Math.round(element.getBoundingClientRect().right)}`,
      ),
  }));
  const untranslated = [...new Set(facts.text.match(/\[\[[^\]]+\]\]/g) ?? [])];
  const raw = [...new Set((facts.text.match(/\b[A-Z][A-Z0-9_]{2,}\b/g) ?? []).filter((word) => CODES.has(word)))];
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.addScriptTag({ path: AXE });
  const axe = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
  return {
    lang: facts.lang,
    scrollWidth: facts.scrollWidth,
    innerWidth: facts.innerWidth,
    untranslated,
    rawCodes: raw,
    wide: facts.scrollWidth > facts.innerWidth ? facts.wide : [],
    axe: axe.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
  };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // antd re-lays out on its breakpoint observers and charts resize on a frame after the viewport changes.
  await page.waitForTimeout(400);
  // A confirmation toast fades out over its last moments (half transparent): the screen is judged without it.
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 6000 })
    .catch(() => undefined);
}

/**
 * A screen as every screen must be, at 1440 px and at 390 px: `<html lang>` is the console's language, the page
 * is never wider than the viewport, no key is untranslated, no code is shown raw, and axe-core finds no serious
 * or critical violation. Screenshots go to reports/screenshots/<name>-<width>.png, and a role's home also to
 * apps/console/docs/<home>-<width>.png (linked from the console's README). Leaves the page at 1440 px.
 */
export async function checkScreen(page: Page, name: string, options: { lang?: string; home?: string } = {}): Promise<void> {
  const lang = options.lang ?? 'zh-CN';
  for (const viewport of [WIDTHS[1], WIDTHS[0]]) {
    await page.setViewportSize(viewport);
    await settle(page);
    const findings = await inspect(page);
    const where = `${name} at ${viewport.width} px`;
    expect({ where, lang: findings.lang }).toEqual({ where, lang });
    expect({
      where,
      overflow:
        findings.scrollWidth > findings.innerWidth ? `${findings.scrollWidth} px wide in ${findings.innerWidth} px: ${findings.wide.join(' | ')}` : null,
    }).toEqual({ where, overflow: null });
    expect({ where, untranslated: findings.untranslated }).toEqual({ where, untranslated: [] });
    expect({ where, rawCodes: findings.rawCodes }).toEqual({ where, rawCodes: [] });
    expect({ where, axe: findings.axe }).toEqual({ where, axe: [] });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${viewport.width}.png`), fullPage: true });
    if (options.home) await page.screenshot({ path: join(DOCS, `${options.home}-${viewport.width}.png`), fullPage: false });
  }
}
