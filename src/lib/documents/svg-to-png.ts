import { existsSync } from "node:fs";
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";

/**
 * Arial is not on Linux servers; Liberation Sans has the same metrics (Debian's fonts-liberation,
 * installed with Chromium). Loading named files is much faster than scanning every system font.
 */
const fontCandidates = [
  "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf",
  "/usr/share/fonts/truetype/msttcorefonts/Arial.ttf",
  "/usr/share/fonts/truetype/msttcorefonts/Arial_Bold.ttf",
];
const fontFiles = fontCandidates.filter((file) => existsSync(file));

function renderOptions(widthPx: number): ResvgRenderOptions {
  return {
    fitTo: { mode: "width", value: Math.round(widthPx) },
    background: "#ffffff",
    font: {
      fontFiles,
      loadSystemFonts: fontFiles.length === 0,
      defaultFontFamily: fontFiles.length ? "Liberation Sans" : "Arial",
      sansSerifFamily: fontFiles.length ? "Liberation Sans" : "Arial",
    },
  };
}

/** Rasterises in libuv's thread pool (renderAsync), so large maps never block the event loop. */
export async function svgToPng(svg: string, widthPx: number): Promise<Buffer> {
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(svg, renderOptions(widthPx));
  return image.asPng();
}

/** Synchronous variant for scripts and tests. */
export function svgToPngSync(svg: string, widthPx: number): Buffer {
  return new Resvg(svg, renderOptions(widthPx)).render().asPng();
}
