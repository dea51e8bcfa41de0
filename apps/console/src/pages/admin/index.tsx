import { Select, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNarrow } from '../../lib/responsive-list';
import { navigate, type PageProps } from '../../lib/route';
import { ComplaintRulesTab } from './complaint-rules';
import { CoverageTab } from './coverage';
import { EngineersTab } from './engineers';
import { PartnersTab } from './partners';
import { PayoutsTab } from './payouts';
import { SalesReferenceTab } from './sales-reference';
import { TariffsTab } from './tariffs';

const SECTIONS: { key: string; labelKey: string; render: () => ReactNode }[] = [
  { key: 'partners', labelKey: 'tabs.partners', render: () => <PartnersTab /> },
  { key: 'engineers', labelKey: 'tabs.engineers', render: () => <EngineersTab /> },
  { key: 'coverage', labelKey: 'tabs.coverage', render: () => <CoverageTab /> },
  { key: 'tariffs', labelKey: 'tabs.tariffs', render: () => <TariffsTab /> },
  { key: 'payouts', labelKey: 'tabs.payouts', render: () => <PayoutsTab /> },
  { key: 'sales-reference', labelKey: 'tabs.salesReference', render: () => <SalesReferenceTab /> },
  { key: 'complaint-rules', labelKey: 'tabs.complaintRules', render: () => <ComplaintRulesTab /> },
];

/**
 * The network manager's desk: partners and their keys, engineers, coverage and backups, tariffs, payouts,
 * sales reference data, complaint rules. Seven sections do not fit a phone's tab bar (antd would hide some
 * behind a "more" button inside the tab list), so on a phone the section is picked from a list.
 */
export default function AdminPage({ params }: PageProps) {
  const { t } = useTranslation('admin');
  const narrow = useNarrow();
  const active = SECTIONS.find((section) => section.key === params[0]) ?? SECTIONS[0];
  if (narrow) {
    return (
      <>
        <Select
          aria-label={t('section')}
          value={active.key}
          onChange={(key) => navigate('admin', key)}
          options={SECTIONS.map((section) => ({ value: section.key, label: t(section.labelKey) }))}
          style={{ width: '100%', marginBottom: 16 }}
          data-testid="admin-section"
        />
        {active.render()}
      </>
    );
  }
  return (
    <Tabs
      activeKey={active.key}
      onChange={(key) => navigate('admin', key)}
      items={SECTIONS.map((section) => ({ key: section.key, label: t(section.labelKey), children: section.render() }))}
    />
  );
}
