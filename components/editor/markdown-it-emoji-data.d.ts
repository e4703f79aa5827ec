// markdown-it-emoji ships its shortcode table without types.
declare module "markdown-it-emoji/lib/data/full.mjs" {
  const emojis: Record<string, string>;
  export default emojis;
}
