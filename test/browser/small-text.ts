import type { Page } from 'playwright-core';
import { evaluate } from './harness';

/**
 * Visible text drawn smaller than 11 CSS pixels: an element's computed font size, times the scale
 * its SVG is drawn at (a 640-unit chart shrunk onto a phone draws 11 px text at 5–6 px).
 */
export function smallText(page: Page): Promise<string[]> {
  return evaluate(page, () => {
    const out: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (['title', 'script', 'style'].includes(element.tagName.toLowerCase())) continue;
      if (![...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())) continue;
      if (element.getClientRects().length === 0) continue;
      let size = parseFloat(getComputedStyle(element).fontSize);
      if (element instanceof SVGGraphicsElement) {
        const m = element.getScreenCTM()!;
        size *= Math.hypot(m.a, m.b);
      }
      if (size < 10.95) out.push(`${size.toFixed(1)} px: ${element.tagName.toLowerCase()} "${element.textContent!.trim().slice(0, 30)}"`);
    }
    return out;
  });
}
