import { createHash } from "node:crypto";
import * as echarts from "echarts";
import { baseTextStyle } from "./theme.ts";

export type ChartOption = echarts.EChartsCoreOption;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A stable id prefix from the chart's input, so the same input gives byte-identical SVG. */
export function stableId(kind: string, input: unknown): string {
  return `${kind}-${createHash("sha1").update(JSON.stringify(input)).digest("hex").slice(0, 10)}`;
}

/**
 * Renders with ECharts' server-side SVG renderer. Animation is off (SSR would otherwise
 * emit start frames) and the instance is disposed so nothing accumulates across requests.
 */
export function renderEChartsSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, backgroundColor: "#ffffff", textStyle: baseTextStyle, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function styleToAttributes(tag: string): string {
  return tag.replace(/\sstyle="([^"]*)"/, (_whole, style: string) => {
    const attributes: string[] = [];
    for (const declaration of style.split(";")) {
      const colon = declaration.indexOf(":");
      if (colon < 0) continue;
      const name = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration.slice(colon + 1).trim();
      if (!/^[a-z-]+$/.test(name) || !value) continue;
      if (new RegExp(`\\s${name}="`).test(tag)) continue;
      attributes.push(` ${name}="${value.replace(/"/g, "&quot;")}"`);
    }
    return attributes.join("");
  });
}

/**
 * Makes ECharts output fit to embed anywhere: our own root with role="img", <title> and <desc>;
 * no <style> element, no inline style attributes (the app's CSP forbids both), no event
 * handlers or ECharts bookkeeping attributes; ids renamed so several charts can share a page.
 */
export function finishSvg(raw: string, options: { id: string; title: string; description: string }): string {
  const match = raw.match(/^<svg[^>]*viewBox="([^"]+)"[^>]*>/);
  if (!match) throw new Error("Unexpected ECharts SVG output: no root viewBox");
  const viewBox = match[1]!;
  const id = options.id;
  let body = raw.slice(match[0].length).replace(/<\/svg>\s*$/, "");
  body = body
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/(id="|url\(#|href="#)zr\d+-/g, `$1${id}-`)
    .replace(/\s(?:class|ecmeta_[a-z_]+|pointer-events|on[a-z]+)="[^"]*"/g, "")
    .replace(/<defs\s*>\s*<\/defs>/g, "")
    .replace(/<[a-zA-Z][^>]*\sstyle="[^"]*"[^>]*>/g, styleToAttributes)
    .replace(/\n+/g, "\n");
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" role="img" aria-labelledby="${titleId} ${descId}" class="app-chart-svg">` +
    `<title id="${titleId}">${escapeXml(options.title)}</title><desc id="${descId}">${escapeXml(options.description)}</desc>` +
    `${body.trim()}</svg>`
  );
}
