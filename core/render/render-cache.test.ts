import { expect, it } from "vitest";
import { RenderCache } from "./render-cache";

it("keeps everything the last render used, however much, and a bounded few others", () => {
  const cache = new RenderCache<number>(2);
  for (let index = 0; index < 5000; index++) cache.set(`slide ${index}`, index);
  cache.endRender();
  // The next render finds every slide of the last one, the edited one aside.
  for (let index = 1; index < 5000; index++) expect(cache.get(`slide ${index}`)).toBe(index);
  cache.set("slide 0 edited", -1);
  cache.endRender();
  expect(cache.size).toBe(5000 + 1); // this render's 5000, and "slide 0" among the recent ones
  expect(cache.get("slide 0")).toBe(0); // an undo finds it
  cache.endRender(); // a render that used only "slide 0": the rest go to the recent ones, two kept
  expect(cache.size).toBe(3);
  cache.clear();
  expect(cache.size).toBe(0);
});
