import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InboxComplaintFragment } from '../../gql/graphql';
import { enumLabel } from '../../lib/enum-label';
import { formatChinaDateTime, formatCountdown } from '../../lib/format';
import { useNow } from '../../lib/use-now';

export type Clock = InboxComplaintFragment['slaClocks'][number];
export type Risk = 'breached' | 'atRisk' | 'onTime' | 'paused' | 'done';

/** The running clock nearest its deadline: what this complaint breaches next (null when every clock stopped). */
export function nextClock(complaint: { slaClocks: readonly Clock[] }): Clock | null {
  const running = complaint.slaClocks.filter((clock) => !clock.stoppedAt);
  return [...running].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0] ?? null;
}

export function riskOf(clock: Clock | null, now: number): Risk {
  if (!clock) return 'done';
  if (clock.breachedAt || Date.parse(clock.dueAt) <= now) return 'breached';
  if (clock.pausedAt) return 'paused';
  if (Date.parse(clock.warnAt) <= now) return 'atRisk';
  return 'onTime';
}

const RISK_COLOUR: Record<Risk, string> = { breached: 'red', atRisk: 'orange', onTime: 'green', paused: 'default', done: 'default' };

/** A live countdown with its absolute due time in China time beside it ("截止 2026/12/06 21:09"). */
export function Countdown({ clock }: { clock: Clock | null }) {
  const { t } = useTranslation('common');
  const now = useNow();
  const risk = riskOf(clock, now);
  if (!clock) return <Tag>{t('countdown.noClock')}</Tag>;
  return (
    <Space size={4} wrap data-testid="sla-countdown">
      <Tag color={RISK_COLOUR[risk]}>{enumLabel('ClockRisk', risk)}</Tag>
      <Typography.Text
        type={risk === 'breached' ? 'danger' : risk === 'atRisk' ? 'warning' : undefined}
        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      >
        {enumLabel('SlaClockKind', clock.kind)} {clock.pausedAt ? t('countdown.paused') : formatCountdown(clock.dueAt, now)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} data-testid="sla-due-at">
        {t('countdown.due', { at: formatChinaDateTime(clock.dueAt) })}
      </Typography.Text>
    </Space>
  );
}
