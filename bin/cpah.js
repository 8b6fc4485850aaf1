#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader; this shim keeps `cpah` a plain bin.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
