import { Region } from "@uppdrag/core"
import type { FC } from "hono/jsx"

/**
 * A region's page address.
 *
 * @example
 * regionHref("03") // "/regioner/03"
 */
export const regionHref = (code: string): string => `/regioner/${code}`

/**
 * A region's name linking to its page; Riket (and anything that is no region) stays plain text.
 *
 * @example
 * <RegionLink code="03" name="Uppsala län" /> // <a href="/regioner/03">Uppsala län</a>
 */
export const RegionLink: FC<{ code: string; name: string }> = ({ code, name }) => (Region.isRegionCode(code) ? <a href={regionHref(code)}>{name}</a> : <>{name}</>)
