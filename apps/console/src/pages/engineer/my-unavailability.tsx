import { Alert, List, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EngineerDayQuery } from '../../gql/graphql';
import { EnumLabel } from '../../lib/enum-label';
import { chinaToday, formatChinaDate } from '../../lib/format';

type Window = EngineerDayQuery['me']['unavailability'][number];

/**
 * The days I am recorded as unavailable (dispatch assigns me nothing then). The graph lets a dispatcher or
 * the network manager record them, not the engineer: the screen says whom to ask.
 */
export function MyUnavailability({ windows, loading }: { windows: Window[]; loading: boolean }) {
  const { t } = useTranslation('engineer');
  if (loading) return <Skeleton active paragraph={{ rows: 2 }} />;
  const today = chinaToday();
  const current = windows.filter((window) => window.endsOn >= today);
  return (
    <>
      <Alert type="info" showIcon message={t('off.howTo')} style={{ marginBottom: 12 }} />
      <List
        data-testid="my-unavailability"
        dataSource={current}
        locale={{ emptyText: t('off.none') }}
        renderItem={(window) => (
          <List.Item>
            <span>
              {t('off.range', { from: formatChinaDate(window.startsOn), to: formatChinaDate(window.endsOn) })} · <EnumLabel enum="UnavailabilityReason" value={window.reason} />
            </span>
          </List.Item>
        )}
      />
    </>
  );
}
