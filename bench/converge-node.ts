/**
 * Time and steps to convergence of each example's default settings, in Node, per backend.
 * Run: npx vite-node bench/converge-node.ts [backend] [runs]
 */
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import { tf } from "../src/ddpm/tf";
import { EXAMPLES, type ExampleId } from "../src/training/examples";
import { Trainer } from "../src/training/trainer";

const backend = process.argv[2] ?? "wasm";
const runs = Number(process.argv[3] ?? 3);
await tf.setBackend(backend);
await tf.ready();

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;

for (const id of ["1d", "2d", "spikes"] as ExampleId[]) {
  const times: number[] = [];
  const steps: number[] = [];
  for (let r = 0; r < runs; r++) {
    const spec = EXAMPLES[id];
    const trainer = new Trainer(spec, { ...spec.presets.fast, seed: r + 1 });
    const start = performance.now();
    let outcome = "running";
    let figures = "";
    while (outcome === "running") {
      const p = await trainer.run(1000);
      outcome = p.outcome;
      if (p.check)
        figures = p.check.figures
          .map((f) => `${f.label}=${f.value.toFixed(4)}${f.ok ? "" : "✗"}`)
          .join(" ");
    }
    times.push((performance.now() - start) / 1000);
    steps.push(trainer.step);
    console.log(
      `${id} run ${r + 1}: ${outcome} at step ${trainer.step} in ${times.at(-1)!.toFixed(2)} s  ${figures}`,
    );
    trainer.dispose();
  }
  console.log(`${id}: median ${median(times).toFixed(2)} s, ${median(steps)} steps (${backend})`);
}
console.log("tensors left:", tf.memory().numTensors);
