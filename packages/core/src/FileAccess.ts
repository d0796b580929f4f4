/**
 * Why a file could not be read or written, in Swedish, from the file
 * system's error code: one sentence per cause, never the English errno text,
 * which is kept apart as `detail` for `--verbose`.
 *
 * @example
 * import { FileAccess } from "@uppdrag/core"
 * FileAccess.describe({ code: "ENOENT", message: "ENOENT: no such file or directory, open 'x.csv'" }, "read")
 * // { message: "filen finns inte", detail: "ENOENT: no such file or directory, open 'x.csv'" }
 * @since 0.2.0
 */
export interface Problem {
  readonly message: string
  /** The library's own words, in English, for `--verbose` only. */
  readonly detail: string
}

/**
 * Reading a file the user named, reading a path that may be a file or a folder, or writing a file the user asked for.
 *
 * @since 0.2.0
 */
export type Mode = "read" | "path" | "write"

const both: Record<string, string> = {
  EISDIR: "är en katalog, inte en fil",
  ENOTDIR: "en del av sökvägen är en fil, inte en katalog",
  EMFILE: "för många öppna filer just nu; försök igen",
  ENFILE: "för många öppna filer just nu; försök igen",
  ELOOP: "för många symboliska länkar i sökvägen (en slinga?)",
  ENAMETOOLONG: "sökvägen är för lång",
  EIO: "disken svarar med ett in- eller utmatningsfel",
  EBUSY: "filen är upptagen av ett annat program",
  EAGAIN: "filen är tillfälligt otillgänglig; försök igen",
  ENXIO: "enheten finns inte",
  ETXTBSY: "filen är upptagen av ett annat program"
}

const byMode: Record<Mode, Record<string, string>> = {
  read: {
    ENOENT: "filen finns inte",
    EACCES: "saknar läsbehörighet",
    EPERM: "saknar läsbehörighet"
  },
  path: {
    ENOENT: "filen eller mappen finns inte",
    EACCES: "saknar läsbehörighet",
    EPERM: "saknar läsbehörighet"
  },
  write: {
    ENOENT: "katalogen finns inte",
    EACCES: "saknar skrivbehörighet",
    EPERM: "saknar skrivbehörighet",
    ENOSPC: "disken är full",
    EDQUOT: "diskkvoten är slut",
    EROFS: "filsystemet är skrivskyddat",
    EEXIST: "filen finns redan"
  }
}

/**
 * The Swedish sentence for a failed file operation (`error` as Node's `fs`
 * throws it, with `code`), and its English detail.
 *
 * @example
 * FileAccess.describe(error, "write").message // "disken är full"
 * @since 0.2.0
 */
export const describe = (error: unknown, mode: Mode): Problem => {
  const e = typeof error === "object" && error !== null ? (error as { code?: unknown; message?: unknown }) : {}
  const code = typeof e.code === "string" ? e.code : ""
  const detail = typeof e.message === "string" ? e.message : String(error)
  const message = byMode[mode][code] ?? both[code] ?? (mode === "write" ? "filen kan inte skrivas" : "filen kan inte läsas")
  return { message, detail }
}
