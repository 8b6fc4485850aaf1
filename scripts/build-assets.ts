import { buildAssets } from "../src/kernel/http/assets.ts";

await buildAssets({ force: true });
process.stdout.write("Assets built in public/\n");
