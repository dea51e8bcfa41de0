import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { Console } from './app/console';
import { initI18n } from './i18n';
import { createQueryClient } from './lib/graphql';

const queryClient = createQueryClient();

/**
 * Ant Design's default greys (45 % black for descriptions, labels, statistics, empty states) and its link and
 * status colours fall under WCAG AA contrast (4.5:1) on white: axe-core reports them as serious. Darker
 * text tokens keep every secondary text readable; tags' text is darkened in index.html.
 */
const ACCESSIBLE_THEME = {
  token: {
    colorPrimary: '#1565c0',
    colorLink: '#1565c0',
    colorInfo: '#1565c0',
    colorSuccess: '#2e7d32',
    colorWarning: '#ad6800',
    colorError: '#c62828',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
    colorTextDescription: 'rgba(0, 0, 0, 0.64)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 4,
  },
};

/** Ant Design's own words (pickers, pagination, empty states) follow the console's language. */
function Localised() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={ACCESSIBLE_THEME}>
      <AntApp>
        <Console />
      </AntApp>
    </ConfigProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

void initI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Suspense fallback={null}>
          <Localised />
        </Suspense>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
