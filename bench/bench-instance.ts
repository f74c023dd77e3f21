/**
 * A bench size's instance as the engine receives it in the service: the solver thread parses
 * the instance's JSON text (solve.worker.ts), so every id and date is a flat string. The
 * generators build ids by concatenation, and V8 keeps those as rope strings, which hashing and
 * comparing first flatten: on realistic-500, preparing the generated instance took ~0.5 ms
 * (a tenth) longer than preparing the same instance parsed from its JSON.
 */
import { CHAIN_HEAVY_SIZES, generateChainHeavyInstance } from './chain-heavy-instance';
import { BENCH_SIZES, generateInstance } from './instance-generator';
import { generateRealisticInstance, REALISTIC_SIZES } from './realistic-instance';
import type { Instance } from '../src/matching/core/types';

export function benchInstance(sizeName: string, ids: 'uuid' | 'sequential' = 'uuid'): Instance {
  return JSON.parse(JSON.stringify(generated(sizeName, ids))) as Instance;
}

function generated(sizeName: string, ids: 'uuid' | 'sequential'): Instance {
  const size = BENCH_SIZES.find((candidate) => candidate.name === sizeName);
  if (size) return generateInstance({ ...size.options, ids });
  const realistic = REALISTIC_SIZES.find((candidate) => candidate.name === sizeName);
  if (realistic) return generateRealisticInstance(realistic.options);
  const chainHeavy = CHAIN_HEAVY_SIZES.find((candidate) => candidate.name === sizeName);
  if (chainHeavy) return generateChainHeavyInstance(chainHeavy.options);
  throw new Error(`unknown size ${sizeName}`);
}
