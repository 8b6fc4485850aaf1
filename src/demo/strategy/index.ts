export { buildDemoStrategy, type DemoStrategyOptions } from "./build.ts";
