import { createHash } from "node:crypto";
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

/**
 * Rasterising is most of a DOCX's cost (~60 ms CPU a chart, ~0.7 s of a 12-chart report's 1 s),
 * and a chart's SVG is fixed once the document is built (stored with a report, cached with a
 * panel), so each chart is rasterised once per process and reused by every later DOCX of it.
 * Same SVG and width, same PNG: an entry is never stale. Bounded by bytes, least recently used out.
 */
const PNG_CACHE_BYTES = 64 * 1024 * 1024;
const pngCache = new Map<string, Promise<Buffer>>();
const pngSizes = new Map<string, number>();
let cachedBytes = 0;

export function svgToPngCached(svg: string, widthPx: number): Promise<Buffer> {
  const key = createHash("sha1")
    .update(`${Math.round(widthPx)}\u0000`)
    .update(svg)
    .digest("base64");
  const found = pngCache.get(key);
  if (found) {
    pngCache.delete(key);
    pngCache.set(key, found);
    return found;
  }
  const made = svgToPng(svg, widthPx);
  pngCache.set(key, made);
  made.then(
    (png) => {
      if (!pngCache.has(key)) return;
      pngSizes.set(key, png.byteLength);
      cachedBytes += png.byteLength;
      for (const [oldest] of pngCache) {
        if (cachedBytes <= PNG_CACHE_BYTES || oldest === key) break;
        pngCache.delete(oldest);
        cachedBytes -= pngSizes.get(oldest) ?? 0;
        pngSizes.delete(oldest);
      }
    },
    () => pngCache.delete(key),
  );
  return made;
}

/** Synchronous variant for scripts and tests. */
export function svgToPngSync(svg: string, widthPx: number): Buffer {
  return new Resvg(svg, renderOptions(widthPx)).render().asPng();
}
