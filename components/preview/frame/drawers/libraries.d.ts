// Type declarations for the diagram libraries that ship without them (only what the drawers use).
declare module "@rokt33r/js-sequence-diagrams/dist/sequence-diagram-raphael.js" {
  const Diagram: { parse(source: string): { drawSVG(container: HTMLElement, options: { theme: string }): void } };
  export default Diagram;
}
declare module "raphael" {
  const Raphael: unknown;
  export default Raphael;
}
declare module "underscore" {
  const underscore: unknown;
  export default underscore;
}
