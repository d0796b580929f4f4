/**
 * The charts' series styles, in series order: fill colour, whether a hatch
 * pattern is laid over it, the line chart's dash and marker shape. Colours
 * alternate light and dark so neighbouring stacked segments differ by at
 * least 3:1 in contrast (WCAG 1.4.11), and each has at least 3:1 against
 * the white page and the white separators between segments; series of the
 * same lightness differ by hue and by the hatch or marker, never by hue
 * alone. The charts write these colours as SVG attributes, so what the test
 * computes is what is drawn.
 *
 * @example
 * Palette.style(0).fill // "#2f80c8"
 */
export interface SeriesStyle {
  readonly fill: string
  /** White diagonal hatch over the fill. */
  readonly hatch: boolean
  /** `stroke-dasharray` of the series' line, or none for a solid line. */
  readonly dash: string | undefined
  readonly marker: Marker
}

/** Marker shapes of a line chart's points, one per series. */
export type Marker = "circle" | "square" | "triangle" | "diamond"

/** The page's background and the separators between stacked segments. */
export const background = "#ffffff"

/** The styles in order; series beyond them repeat the cycle (alternation holds since the count is even). */
export const styles: ReadonlyArray<SeriesStyle> = [
  { fill: "#2f80c8", hatch: false, dash: undefined, marker: "circle" },
  { fill: "#0a2a4a", hatch: false, dash: "6 3", marker: "square" },
  { fill: "#d0650f", hatch: true, dash: "2 3", marker: "triangle" },
  { fill: "#3b1450", hatch: true, dash: "8 3 2 3", marker: "diamond" }
]

/**
 * The style of series `index`.
 *
 * @example
 * Palette.style(2).hatch // true
 */
export const style = (index: number): SeriesStyle => styles[index % styles.length] ?? (styles[0] as SeriesStyle)

/**
 * WCAG 2.1 contrast ratio of two `#rrggbb` colours (1 to 21).
 *
 * @example
 * Palette.contrast("#000000", "#ffffff") // 21
 */
export const contrast = (a: string, b: string): number => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

const luminance = (hex: string): number => {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}
