import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { Empty } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChinaDate } from './format';

export type ChartOption = EChartsCoreOption;

// ECharts is a large library: it loads when the first chart is drawn, not with the page that has one.
let loading: Promise<(typeof import('./echarts-setup'))['echarts']> | undefined;
const loadECharts = () => (loading ??= import('./echarts-setup').then((module) => module.echarts));

/**
 * A time axis that reads: China dates, never milliseconds, and labels that would overlap are left out.
 */
export const dateAxis = () => ({
  type: 'time',
  axisLabel: { formatter: (value: number) => formatChinaDate(new Date(value).toISOString()), hideOverlap: true },
  splitNumber: 4,
});

/** A category axis whose labels never overlap: they wrap, or turn, instead. */
export const categoryAxis = (labels: string[]) => ({
  type: 'category',
  data: labels,
  axisLabel: { interval: 0, hideOverlap: true, width: 80, overflow: 'break' },
});

/**
 * A chart, or "no data yet" when there is nothing to draw (never a 0 that looks like a measurement).
 * `label` names the chart for screen readers (the canvas itself says nothing).
 */
export function Chart({
  option,
  height = 300,
  testId,
  label,
  empty,
}: {
  option: ChartOption | null;
  height?: number;
  testId?: string;
  label: string;
  empty?: boolean;
}) {
  const { t } = useTranslation('common');
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType>();
  const latest = useRef(option);
  latest.current = option;
  const nothing = empty || !option;

  useEffect(() => {
    if (!element.current || nothing) return;
    let disposed = false;
    // The chart follows its own box, not the window: the menu appearing beside it (a re-render after the
    // window grew) narrows the box without any window resize, and a canvas left wider would overflow the page.
    const observer = new ResizeObserver(() => chart.current?.resize());
    void loadECharts().then((echarts) => {
      if (disposed || !element.current) return;
      chart.current = echarts.init(element.current);
      if (latest.current) chart.current.setOption(latest.current, true);
      observer.observe(element.current);
    });
    return () => {
      disposed = true;
      observer.disconnect();
      chart.current?.dispose();
      chart.current = undefined;
    };
  }, [nothing]);

  useEffect(() => {
    if (option) chart.current?.setOption(option, true);
  }, [option, nothing]);

  if (nothing) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('states.noDataYet')} data-testid={testId ? `${testId}-empty` : undefined} />;
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} data-testid={testId} />;
}
