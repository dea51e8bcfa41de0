import type { ThemeConfig } from 'antd';

/**
 * Ant Design's default greys (45 % black for descriptions, labels, statistics, empty states) and its link and
 * status colours fall under WCAG AA contrast (4.5:1) on white: axe-core reports them as serious. Darker
 * text tokens keep every secondary text readable; tags' text is darkened in index.html.
 *
 * antd derives a state's colour from its seed: hover a lighter step of the palette (white on #1565c0's hover
 * #3782cc is 4.0:1, on #c62828's #d4514c 4.1:1), so a primary or danger button under the pointer, and a
 * link or default button's hovered text, would fall under AA. The hover steps are set darker instead (a
 * hovered control still changes visibly); active is antd's own, already darker.
 */
export const ACCESSIBLE_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1565c0',
    colorPrimaryHover: '#1258ad',
    colorLink: '#1565c0',
    colorLinkHover: '#1258ad',
    colorInfo: '#1565c0',
    colorInfoHover: '#1258ad',
    colorSuccess: '#2e7d32',
    colorWarning: '#ad6800',
    colorError: '#c62828',
    colorErrorHover: '#b71c1c',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
    colorTextDescription: 'rgba(0, 0, 0, 0.64)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 4,
  },
};
