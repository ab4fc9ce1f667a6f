/**
 * The build's step timings as the integration records them (build/integration.ts), in the file
 * BUILD_TIMINGS names: what the benchmarks read (tools/bench.ts, tools/lib/growth.ts), so they
 * time the steps the build really runs, in its order, without reading its log.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface StepTiming {
  /** The step's name: "Astro" for Astro's own build (content, pages, bundles), then each post-build step's. */
  step: string;
  seconds: number;
}

export function writeTimings(file: string, timings: readonly StepTiming[]): void {
  writeFileSync(file, `${JSON.stringify(timings, null, 2)}\n`);
}

export function readTimings(file: string): StepTiming[] {
  return JSON.parse(readFileSync(file, 'utf8')) as StepTiming[];
}
