import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { ACCESSIBLE_THEME } from './theme';

/** WCAG 2 contrast ratio of two opaque #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('the console theme', () => {
  // The tokens antd actually paints with, the derived ones included (what a hovered button shows).
  const tokens = theme.getDesignToken(ACCESSIBLE_THEME);

  it.each([
    'colorPrimary',
    'colorPrimaryHover',
    'colorPrimaryActive',
    'colorError',
    'colorErrorHover',
    'colorErrorActive',
    'colorLink',
    'colorLinkHover',
    'colorLinkActive',
  ] as const)('%s and white meet WCAG AA (white on primary and danger buttons at rest, hovered, pressed; link and default-button text on white)', (token) => {
    expect(contrast(tokens[token], '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
