// Finding where bytes stop being UTF-8, for messages that name the line.

/** The 1-based line of `bytes[index]`. */
export const lineAt = (bytes: Uint8Array, index: number): number => {
  let line = 1
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++
  return line
}

/** Where the first line that is not valid UTF-8 starts (0 when the lines decode but the whole does not). */
export const firstInvalidUtf8 = (bytes: Uint8Array): number => {
  const decoder = new TextDecoder("utf-8", { fatal: true })
  let start = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i))
      } catch {
        return start
      }
      start = i + 1
    }
  }
  return 0
}
