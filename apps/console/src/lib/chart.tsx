import { BarChart, LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Empty } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChinaDate } from './format';

// Only the chart kinds the console draws, so the bundle does not carry all of ECharts.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, DatasetComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

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
export function Chart({ option, height = 300, testId, label, empty }: { option: ChartOption | null; height?: number; testId?: string; label: string; empty?: boolean }) {
  const { t } = useTranslation('common');
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>();
  const nothing = empty || !option;

  useEffect(() => {
    if (!element.current || nothing) return;
    chart.current = echarts.init(element.current);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
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
