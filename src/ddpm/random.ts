/**
 * A small seeded random generator, so that the same seed gives the same run in Node, in the
 * page and in a worker, whatever tfjs backend is in use.
 */

/** A source of uniform numbers in [0, 1) and standard normal numbers, from one seed. */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Fills `out` with independent N(0, 1) draws and returns it. */
  normals(out: Float32Array): Float32Array;
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter generator): 128 bits of state, passes
 * PractRand, and needs only 32-bit integer arithmetic, which JavaScript does exactly.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`createRng: expected a finite seed, got ${seed}`);
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;

  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs still carry the seed's structure; discard them.
  for (let i = 0; i < 15; i++) next();

  // Box–Muller gives normals in pairs; keep the second for the next call.
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    // 1 - u lies in (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const theta = 2 * Math.PI * next();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };

  return {
    uniform: next,
    normal,
    int: (n) => Math.floor(next() * n),
    normals(out) {
      for (let i = 0; i < out.length; i++) out[i] = normal();
      return out;
    },
  };
}
