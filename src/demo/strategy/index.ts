export { demoStrategyDomain } from "./domain.ts";
export { buildDemoStrategy, type DemoStrategyOptions } from "./build.ts";
