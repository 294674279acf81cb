// The part of asciichart's API this project uses (the package ships no types).
declare module 'asciichart' {
  export interface PlotConfig {
    height?: number;
    format?: (value: number, index: number) => string;
  }
  export function plot(series: number[] | number[][], config?: PlotConfig): string;
  const asciichart: { plot: typeof plot };
  export default asciichart;
}
