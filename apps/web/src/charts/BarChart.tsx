import { scaleBand, scaleLinear } from "d3-scale"
import { stack } from "d3-shape"
import type { FC } from "hono/jsx"

/** One series of a bar chart (a grant component, a sex). */
export interface Series {
  readonly key: string
  readonly label: string
}

/** One bar (or group of bars): a label and a value per series; `null` is a protected (suppressed) value. */
export interface Bar {
  readonly label: string
  readonly values: ReadonlyArray<number | null>
}

/** What a bar chart shows and how to word it. */
export interface BarChartProps {
  /** Unique on the page; used for the title and description ids. */
  readonly id: string
  readonly title: string
  /** The text alternative: what the chart shows and its main finding, in words. */
  readonly description: string
  readonly series: ReadonlyArray<Series>
  readonly bars: ReadonlyArray<Bar>
  /** `stacked` adds series end to end (parts of a total); `grouped` sets them side by side. */
  readonly layout: "stacked" | "grouped"
  /** Axis tick labels. */
  readonly formatTick: (value: number) => string
  /** Value label at the end of each bar (or stack). */
  readonly formatValue: (value: number) => string
}

const width = 800
const labelWidth = 190
const valueWidth = 110
const top = 28

/**
 * A horizontal bar chart rendered to SVG on the server with d3-scale (band
 * and linear scales, nice ticks) and d3-shape (`stack` for parts of a total).
 * No DOM and no script: the markup is the chart. It carries its text
 * alternative (`title` and `desc` via `aria-labelledby`); the page puts the
 * data table beside it. Protected values are drawn as a dashed outline and
 * labelled "skyddat".
 *
 * @example
 * <BarChart id="fordelning" title="Fördelning per region" description="…" layout="stacked"
 *   series={[{ key: "a", label: "Vårdkapacitet" }]} bars={[{ label: "Stockholms län", values: [265793153] }]}
 *   formatTick={Format.millions} formatValue={Format.kronor} />
 */
export const BarChart: FC<BarChartProps> = (props) => {
  const { id, title, description, series, bars, layout } = props
  const groupSize = layout === "grouped" ? series.length : 1
  const rowHeight = layout === "grouped" ? 12 * series.length + 10 : 22
  const height = top + rowHeight * bars.length + 8
  const totals = bars.map((bar) => bar.values.reduce<number>((sum, v) => sum + (v ?? 0), 0))
  const maxValue = layout === "stacked" ? Math.max(0, ...totals) : Math.max(0, ...bars.flatMap((b) => b.values.map((v) => v ?? 0)))
  const x = scaleLinear()
    .domain([0, maxValue === 0 ? 1 : maxValue])
    .range([labelWidth, width - valueWidth])
    .nice(5)
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([top, height - 8])
    .paddingInner(0.2)
  const inner = scaleBand<number>()
    .domain(Array.from({ length: groupSize }, (_, i) => i))
    .range([0, y.bandwidth()])
    .paddingInner(0.1)
  const ticks = x.ticks(5)
  const stacked =
    layout === "stacked"
      ? stack<ReadonlyArray<number | null>, number>()
          .keys(series.map((_, i) => i))
          .value((values, key) => values[key] ?? 0)(bars.map((b) => b.values))
      : []
  const titleId = `${id}-titel`
  const descId = `${id}-beskrivning`
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} xmlns="http://www.w3.org/2000/svg">
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <g class="grid">
        {ticks.map((t) => (
          <line x1={x(t)} x2={x(t)} y1={top - 6} y2={height - 8} />
        ))}
      </g>
      <g class="axis">
        {ticks.map((t) => (
          <text x={x(t)} y={top - 10} text-anchor="middle">
            {props.formatTick(t)}
          </text>
        ))}
      </g>
      {bars.map((bar, i) => {
        const y0 = y(i) ?? 0
        return (
          <g>
            <text x={labelWidth - 8} y={y0 + y.bandwidth() / 2} dy="0.35em" text-anchor="end">
              {bar.label}
            </text>
            {layout === "stacked"
              ? stacked.map((layer, s) => {
                  const [a, b] = layer[i] ?? [0, 0]
                  return <rect class={`bar bar-${s}`} x={x(a)} y={y0} width={Math.max(0, x(b) - x(a))} height={y.bandwidth()} />
                })
              : bar.values.map((value, s) => {
                  const yy = y0 + (inner(s) ?? 0)
                  const h = inner.bandwidth()
                  return value === null ? (
                    <g>
                      <rect class="suppressed" x={labelWidth} y={yy} width={24} height={h} />
                      <text x={labelWidth + 30} y={yy + h / 2} dy="0.35em">
                        skyddat
                      </text>
                    </g>
                  ) : (
                    <g>
                      <rect class={`bar bar-${s}`} x={labelWidth} y={yy} width={Math.max(0, x(value) - labelWidth)} height={h} />
                      {groupSize > 1 ? (
                        <text x={x(value) + 4} y={yy + h / 2} dy="0.35em">
                          {props.formatValue(value)}
                        </text>
                      ) : null}
                    </g>
                  )
                })}
            {layout === "stacked" || groupSize === 1 ? (
              bar.values.every((v) => v === null) ? null : (
                <text x={x(totals[i] ?? 0) + 4} y={y0 + y.bandwidth() / 2} dy="0.35em">
                  {props.formatValue(totals[i] ?? 0)}
                </text>
              )
            ) : null}
          </g>
        )
      })}
    </svg>
  )
}

/**
 * The colour key of a chart's series, as a list (colour is never the only cue:
 * the data table beside the chart names every value).
 *
 * @example
 * <Legend series={[{ key: "k", label: "Kvinnor" }, { key: "m", label: "Män" }]} />
 */
export const Legend: FC<{ series: ReadonlyArray<Series> }> = ({ series }) =>
  series.length < 2 ? null : (
    <ul class="legend">
      {series.map((s, i) => (
        <li>
          <span class={`swatch swatch-${i}`} aria-hidden="true" />
          {s.label}
        </li>
      ))}
    </ul>
  )
