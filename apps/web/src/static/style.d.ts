// The stylesheet is bundled as text by tsup (`loader: { ".css": "text" }`).
declare module "*.css" {
  const text: string
  export default text
}
