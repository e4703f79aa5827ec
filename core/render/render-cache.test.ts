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

it("after an edit keeps what the last render used but the edited slide's old text, which goes to the bounded few", () => {
  const cache = new RenderCache<number>(2);
  for (let index = 0; index < 5000; index++) cache.set(`slide ${index}`, index);
  cache.endRender();
  cache.get("slide 7"); // the edit left the notes part as it was
  cache.set("slide 0 edited", -1);
  cache.endEdit(["slide 0", "slide 7"]);
  expect(cache.size).toBe(5000 + 1);
  for (const index of [1, 2]) {
    cache.set(`slide ${index} edited`, -1);
    cache.endEdit([`slide ${index}`]);
  }
  expect(cache.get("slide 0")).toBeUndefined(); // the oldest of the three dropped, out of the two kept
  expect(cache.get("slide 1")).toBe(1); // an undo finds it
  expect(cache.get("slide 7")).toBe(7);
  expect(cache.get("slide 4999")).toBe(4999);
});
