// One metric across visits as an ECharts line chart. Only this file imports ECharts (through echarts/core
// with just the line chart, grid, tooltip and canvas renderer), and it is loaded lazily.
import { LineChart as EchartsLine } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EchartsLine, GridComponent, TooltipComponent, CanvasRenderer]);

export interface LineChartProps {
  /** Axis labels, oldest first. */
  labels: string[];
  values: number[];
  min: number;
  max: number;
  whole: boolean;
  unit: string | null;
  name: string;
  height?: number;
}

const ORCHID = '#8e4b84';

export default function LineChart({ labels, values, min, max, whole, unit, name, height = 180 }: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        animationDuration: 500,
        grid: { left: 8, right: 16, top: 14, bottom: 4, containLabel: true },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (unit ? `${v} ${unit}` : String(v)),
          textStyle: { fontSize: 13 },
        },
        xAxis: {
          type: 'category',
          data: labels,
          boundaryGap: labels.length === 1,
          axisLine: { lineStyle: { color: '#d4d4d8' } },
          axisTick: { show: false },
          axisLabel: { color: '#71717a', fontSize: 11, hideOverlap: true },
        },
        yAxis: {
          type: 'value',
          min,
          max,
          ...(whole && max - min <= 10 ? { interval: 1 } : {}),
          splitLine: { lineStyle: { color: '#f4f4f5', type: 'dashed' } },
          axisLabel: { color: '#a1a1aa', fontSize: 11 },
        },
        series: [
          {
            name,
            type: 'line',
            data: values,
            smooth: 0.3,
            symbol: 'circle',
            symbolSize: 9,
            lineStyle: { width: 3, color: ORCHID },
            itemStyle: { color: ORCHID, borderColor: '#fff', borderWidth: 2 },
            areaStyle: {
              color: new echarts.graphic.LinearGradient(0, 0, 0, 1, [
                { offset: 0, color: 'rgba(142, 75, 132, 0.22)' },
                { offset: 1, color: 'rgba(142, 75, 132, 0)' },
              ]),
            },
          },
        ],
      },
      true,
    );
  }, [labels, values, min, max, whole, unit, name]);

  return <div ref={box} style={{ height }} className="w-full" />;
}
