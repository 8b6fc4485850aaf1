import { describe, expect, it } from "vitest";
import { renderCached } from "./render-cache.ts";

describe("renderCached", () => {
  it("renders once per input and again when anything drawn changes", () => {
    let renders = 0;
    const render = () => ({ svg: `<svg>${++renders}</svg>` });
    const first = renderCached("test", ["a", "b"], render);
    expect(renderCached("test", ["a", "b"], render)).toBe(first);
    expect(renderCached("test", ["a", "c"], render)).not.toBe(first);
    // Parts are separated, so ["ab"] is not the same input as ["a", "b"].
    renderCached("test", ["ab"], render);
    expect(renders).toBe(3);
  });
});
