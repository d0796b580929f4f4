/**
 * Passwords out of text that may hold a connection string: a message, a log
 * line, a driver's error (which can echo the URL it was given). Every form
 * PostgreSQL accepts is covered:
 *
 * - URL user info, `postgres://user:secret@host/db`, also with unencoded
 *   `@`, `:` or `/` in the password (everything up to the last `@` of the URL
 *   is hidden, so `postgres://u:p@ss@h/db` shows neither `p` nor `ss`);
 * - URL parameters, `?password=secret` or `&sslpassword=secret` in any position;
 * - libpq key=value strings, `password=secret` or `password='se cret'`, and
 *   `PGPASSWORD=secret`.
 *
 * Percent-encoded passwords are hidden as written. Over-hiding is preferred
 * to a leak: when the end of a password is ambiguous, more is hidden.
 */

/**
 * What a hidden password is replaced by.
 *
 * @since 0.2.0
 */
export const mask = "***"

// A URL runs from its scheme to the next white space (a quote may be part of
// its password); the key=value form is `password=` (also `sslpassword=`,
// `PGPASSWORD=`) not preceded by a word character.
const secretBearing = /[a-z][a-z0-9+.-]*:\/\/\S*|(?<![\w.-])((?:ssl|pg)?password\s*=\s*)('(?:\\.|[^'\\])*'?|\S*)/gi

// `password=` or `sslpassword=` among a URL's parameters; the value ends at the next `&name=` or `#`.
const urlParameter = /([?&](?:ssl)?password=)(.*?)(?=&[^&=#]*=|#|$)/gi

const redactUrl = (url: string): string => {
  // Parameters first, so that an @ in a parameter's password is gone before the user info is looked for.
  const hidden = url.replace(urlParameter, (_whole, key: string) => `${key}${mask}`)
  const start = hidden.indexOf("://") + 3
  const at = hidden.lastIndexOf("@")
  if (at <= start) return hidden
  const userInfo = hidden.slice(start, at)
  const colon = userInfo.indexOf(":")
  return colon < 0 ? hidden : `${hidden.slice(0, start)}${userInfo.slice(0, colon + 1)}${mask}${hidden.slice(at)}`
}

/**
 * `text` with every password of a connection string in it replaced by
 * `***`; the rest (user, host, port, database, other parameters) is kept
 * so the message still says where.
 *
 * @example
 * Redact.connectionString("postgres://app:p@ss@db:5432/uppdrag?sslmode=require") // "postgres://app:***@db:5432/uppdrag?sslmode=require"
 * Redact.connectionString("host=db user=app password='s e' dbname=x") // "host=db user=app password=*** dbname=x"
 * @since 0.2.0
 */
export const connectionString = (text: string): string =>
  text.replace(secretBearing, (whole: string, key: string | undefined) => {
    if (key !== undefined) return `${key}${mask}`
    // Messages put a colon after a location (`postgres://…?password=***: databasen …`); it is not part of the URL.
    return whole.endsWith(":") ? `${redactUrl(whole.slice(0, -1))}:` : redactUrl(whole)
  })
