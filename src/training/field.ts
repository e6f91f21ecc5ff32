/**
 * The denoising field: the noise prediction at points of a regular grid over the plane, for
 * the trained network and for the ideal denoiser, at every step t. Drawn as arrows along
 * -ε(x_t, t), the direction a reverse step moves a point (eq. 11).
 */

/** Half the side of the square the grid covers: q(x_t) spreads to N(0, I) at large t. */
export const FIELD_EXTENT = 2.25;

/** Points per side of the grid: enough to see the switch between spikes, few enough to read. */
export const FIELD_SIZE = 15;

/** Both fields at every step, and how far apart they are. */
export interface Field {
  /** Points per side of the grid. */
  readonly size: number;
  /** The grid's points [size², 2], row by row from the bottom left. */
  readonly grid: Float32Array;
  /** learned[t - 1] and ideal[t - 1] hold ε at every grid point [size², 2] at step t. */
  readonly learned: Float32Array[];
  readonly ideal: Float32Array[];
  /** E‖ε_θ - E[ε | x_t]‖² / d over x_t ~ q(x_t), t = 1 … T (see `OracleProbe`). */
  readonly excess: Float32Array;
}

/** size × size points evenly spaced over [-FIELD_EXTENT, FIELD_EXTENT]², as rows [x, y]. */
export function fieldGrid(size: number, extent = FIELD_EXTENT): Float32Array {
  const grid = new Float32Array(size * size * 2);
  const at = (k: number) => -extent + (2 * extent * k) / (size - 1);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      grid[2 * (row * size + col)] = at(col);
      grid[2 * (row * size + col) + 1] = at(row);
    }
  }
  return grid;
}
