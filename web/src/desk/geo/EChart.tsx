import { type CSSProperties, useEffect, useRef } from 'react';
import { type EChartsCoreOption, type EChartsType, echarts } from './echarts.ts';

export type ChartClick = (params: { name: string; seriesType?: string; data?: unknown }) => void;

interface Props {
  option: EChartsCoreOption;
  onClick?: ChartClick;
  style?: CSSProperties;
  className?: string;
  /** Read by screen readers in place of the canvas. */
  ariaLabel: string;
}

/** One ECharts instance bound to a div: follows the option, resizes with its box, disposed on unmount. */
export function EChart({ option, onClick, style, className, ariaLabel }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const div = element.current as HTMLDivElement;
    const instance = echarts.init(div);
    chart.current = instance;
    instance.on('click', (params) => clickRef.current?.(params as Parameters<ChartClick>[0]));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(div);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a drilled-down map must not keep the series of the level above.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} role="img" aria-label={ariaLabel} className={className} style={style} />;
}
