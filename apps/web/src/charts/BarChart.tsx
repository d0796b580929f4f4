import { scaleBand, scaleLinear } from "d3-scale"
import { stack } from "d3-shape"
import type { FC } from "hono/jsx"
import * as Palette from "./Palette.js"

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
  const fill = (s: number) => (Palette.style(s).hatch ? `url(#${patternId(id, s)})` : Palette.style(s).fill)
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} xmlns="http://www.w3.org/2000/svg">
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <Hatches id={id} count={series.length} />
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
                  // A white separator between neighbouring segments, so each part reads on its own.
                  return <rect class={`bar bar-${s}`} x={x(a)} y={y0} width={Math.max(0, x(b) - x(a))} height={y.bandwidth()} fill={fill(s)} stroke={Palette.background} stroke-width={1.5} />
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
                      <rect class={`bar bar-${s}`} x={labelWidth} y={yy} width={Math.max(0, x(value) - labelWidth)} height={h} fill={fill(s)} />
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

/** The id of a chart's hatch pattern for series `s` (unique per chart, so per page). */
const patternId = (chart: string, s: number): string => `${chart}-monster-${s}`

/** The hatch patterns of the series that have one: white diagonal lines over the series' colour. */
const Hatches: FC<{ id: string; count: number }> = ({ id, count }) => {
  const hatched = Array.from({ length: count }, (_, s) => s).filter((s) => Palette.style(s).hatch)
  return hatched.length === 0 ? null : (
    <defs>
      {hatched.map((s) => (
        <pattern id={patternId(id, s)} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
          <rect width={6} height={6} fill={Palette.style(s).fill} />
          <line x1={0} y1={0} x2={0} y2={6} stroke={Palette.background} stroke-width={2.5} />
        </pattern>
      ))}
    </defs>
  )
}

/**
 * A series' marker shape centred on (x, y), as drawn on a line chart's points and in its key.
 *
 * @example
 * <Marker shape="triangle" x={10} y={10} fill="#d0650f" />
 */
export const Marker: FC<{ shape: Palette.Marker; x: number; y: number; fill: string; className?: string }> = ({ shape, x, y, fill, className }) => {
  const r = 4.5
  switch (shape) {
    case "circle":
      return <circle class={className} cx={x} cy={y} r={r} fill={fill} />
    case "square":
      return <rect class={className} x={x - r + 0.5} y={y - r + 0.5} width={2 * r - 1} height={2 * r - 1} fill={fill} />
    case "triangle":
      return <path class={className} d={`M${x} ${y - r - 0.5}L${x + r + 0.5} ${y + r - 0.5}L${x - r - 0.5} ${y + r - 0.5}Z`} fill={fill} />
    default:
      return <path class={className} d={`M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z`} fill={fill} />
  }
}

/** A series' key: a hatched or plain square for bars, the dashed line with its marker for lines. */
const Swatch: FC<{ index: number; kind: "bar" | "line" }> = ({ index, kind }) => {
  const style = Palette.style(index)
  return kind === "line" ? (
    <svg class="swatch-line" viewBox="0 0 32 16" width={32} height={16} aria-hidden="true" focusable="false">
      <line x1={1} y1={8} x2={31} y2={8} stroke={style.fill} stroke-width={2.5} stroke-dasharray={style.dash} />
      <Marker shape={style.marker} x={16} y={8} fill={style.fill} />
    </svg>
  ) : (
    <svg class="swatch" viewBox="0 0 16 16" width={16} height={16} aria-hidden="true" focusable="false">
      <rect x={0.5} y={0.5} width={15} height={15} fill={style.fill} stroke="#1b1b1b" />
      {style.hatch ? <path d="M1 9L9 1M1 15L15 1M7 15L15 7" stroke={Palette.background} stroke-width={2} /> : null}
    </svg>
  )
}

/**
 * The key of a chart's series, as a list: each series' colour with its
 * hatch (bars) or its dash and marker shape (lines), so the key reads
 * without colour too; the data table beside the chart names every value.
 *
 * @example
 * <Legend series={[{ key: "k", label: "Kvinnor" }, { key: "m", label: "Män" }]} kind="line" />
 */
export const Legend: FC<{ series: ReadonlyArray<Series>; kind?: "bar" | "line" }> = ({ series, kind = "bar" }) =>
  series.length < 2 ? null : (
    <ul class="legend">
      {series.map((s, i) => (
        <li>
          <Swatch index={i} kind={kind} />
          {s.label}
        </li>
      ))}
    </ul>
  )
