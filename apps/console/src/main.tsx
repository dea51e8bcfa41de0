import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { Console } from './app/console';
import { ACCESSIBLE_THEME } from './app/theme';
import { initI18n } from './i18n';
import { createQueryClient } from './lib/graphql';

const queryClient = createQueryClient();

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
