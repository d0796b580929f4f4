import type { FC } from "hono/jsx"
import { Layout } from "./Layout.js"

/**
 * The page for a refused request: what went wrong, in Swedish, and a way on.
 * Never a stack trace.
 *
 * @example
 * <ErrorPage status={400} title="Felaktig parameter" lines={["datum: \"x\" är inte ett datum på formen ÅÅÅÅ-MM-DD"]} />
 */
export const ErrorPage: FC<{ status: number; title: string; lines: ReadonlyArray<string> }> = ({ status, title, lines }) => (
  <Layout title={title} section={undefined}>
    <h1>{title}</h1>
    <div class="error-box" role="alert">
      <p>{`Felkod ${status}.`}</p>
      <ul>
        {lines.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </div>
    <p>
      <a href="/">Till översikten</a>
    </p>
  </Layout>
)
