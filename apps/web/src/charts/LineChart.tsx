import { scaleLinear, scalePoint } from "d3-scale"
import { line } from "d3-shape"
import type { FC } from "hono/jsx"
import { Marker, type Series } from "./BarChart.js"
import * as Palette from "./Palette.js"

/** What a line chart shows: x labels (years) and, per series, one value per label; `null` is protected. */
export interface LineChartProps {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly labels: ReadonlyArray<string>
  readonly series: ReadonlyArray<Series & { readonly values: ReadonlyArray<number | null> }>
  readonly formatTick: (value: number) => string
}

const width = 800
const height = 300
const margin = { top: 20, right: 30, bottom: 36, left: 70 }

/**
 * A line chart over years, rendered to SVG on the server with d3-scale and
 * d3-shape's `line` (protected values leave a gap rather than a guessed line).
 * Each series has its own dash and marker shape (circle, square, triangle,
 * diamond), so lines read apart without colour.
 * Carries its text alternative; the page puts the data table beside it.
 *
 * @example
 * <LineChart id="over-tid" title="Patienter per 100 000" description="…" labels={["2023", "2024"]}
 *   series={[{ key: "T", label: "Båda könen", values: [120.5, 118.2] }]} formatTick={String} />
 */
export const LineChart: FC<LineChartProps> = (props) => {
  const { id, labels, series } = props
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null))
  const x = scalePoint<string>()
    .domain([...labels])
    .range([margin.left, width - margin.right])
    .padding(0.3)
  const y = scaleLinear()
    .domain([0, Math.max(1, ...all)])
    .range([height - margin.bottom, margin.top])
    .nice(5)
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => x(labels[i] ?? "") ?? 0)
    .y((v) => y(v ?? 0))
  const titleId = `${id}-titel`
  const descId = `${id}-beskrivning`
  // Show every label when they fit, otherwise every other one.
  const step = labels.length > 10 ? 2 : 1
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} xmlns="http://www.w3.org/2000/svg">
      <title id={titleId}>{props.title}</title>
      <desc id={descId}>{props.description}</desc>
      <g class="grid">
        {y.ticks(5).map((t) => (
          <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} />
        ))}
      </g>
      <g class="axis">
        {y.ticks(5).map((t) => (
          <text x={margin.left - 8} y={y(t)} dy="0.35em" text-anchor="end">
            {props.formatTick(t)}
          </text>
        ))}
        {labels.map((label, i) =>
          i % step === 0 || i === labels.length - 1 ? (
            <text x={x(label) ?? 0} y={height - margin.bottom + 20} text-anchor="middle">
              {label}
            </text>
          ) : null
        )}
      </g>
      {series.map((s, si) => {
        const style = Palette.style(si)
        return (
          <g>
            <path class={`line line-${si}`} d={path([...s.values]) ?? ""} stroke={style.fill} stroke-dasharray={style.dash} />
            {s.values.map((v, i) =>
              v === null ? (
                <rect class="suppressed" x={(x(labels[i] ?? "") ?? 0) - 4} y={height - margin.bottom - 8} width={8} height={8} />
              ) : (
                <Marker shape={style.marker} className={`dot dot-${si}`} x={x(labels[i] ?? "") ?? 0} y={y(v)} fill={style.fill} />
              )
            )}
          </g>
        )
      })}
    </svg>
  )
}
