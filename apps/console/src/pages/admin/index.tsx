import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate, type PageProps } from '../../lib/route';
import { ComplaintRulesTab } from './complaint-rules';
import { CoverageTab } from './coverage';
import { EngineersTab } from './engineers';
import { PartnersTab } from './partners';
import { PayoutsTab } from './payouts';
import { SalesReferenceTab } from './sales-reference';
import { TariffsTab } from './tariffs';

const TABS = ['partners', 'engineers', 'coverage', 'tariffs', 'payouts', 'sales-reference', 'complaint-rules'] as const;

/** The network manager's desk: partners and their keys, engineers, coverage and backups, tariffs, payouts, sales reference data, complaint rules. */
export default function AdminPage({ params }: PageProps) {
  const { t } = useTranslation('admin');
  const active = (TABS as readonly string[]).includes(params[0] ?? '') ? params[0] : 'partners';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate('admin', key)}
      items={[
        { key: 'partners', label: t('tabs.partners'), children: <PartnersTab /> },
        { key: 'engineers', label: t('tabs.engineers'), children: <EngineersTab /> },
        { key: 'coverage', label: t('tabs.coverage'), children: <CoverageTab /> },
        { key: 'tariffs', label: t('tabs.tariffs'), children: <TariffsTab /> },
        { key: 'payouts', label: t('tabs.payouts'), children: <PayoutsTab /> },
        { key: 'sales-reference', label: t('tabs.salesReference'), children: <SalesReferenceTab /> },
        { key: 'complaint-rules', label: t('tabs.complaintRules'), children: <ComplaintRulesTab /> },
      ]}
    />
  );
}
