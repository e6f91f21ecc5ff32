// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import mdx from "@astrojs/mdx";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";

// GitHub Pages serves a project site under /<repo>/; the deploy workflow passes it in.
const base = process.env.BASE_PATH ?? "/";
const site = process.env.SITE_URL ?? "https://example.github.io";

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  markdown: {
    remarkPlugins: [remarkMath],
    rehypePlugins: [[rehypeKatex, { output: "htmlAndMathml" }]],
  },
  integrations: [
    starlight({
      title: "Diffusion, hands-on",
      description: "Learn denoising diffusion probabilistic models by training them in the page.",
      customCss: ["katex/dist/katex.min.css", "./src/styles/site.css"],
      sidebar: [
        { label: "Introduction to diffusion models", link: "/" },
        { label: "What are diffusion models?", slug: "what-are-diffusion-models" },
        { label: "How to implement a diffusion model in 100 lines", slug: "ddpm-in-100-lines" },
        { label: "Diffusion models in 2D", slug: "diffusion-in-2d" },
        { label: "Diffusion models in 2D with multimodalities", slug: "multimodal-2d" },
      ],
      lastUpdated: false,
      pagination: true,
    }),
    mdx(),
  ],
  vite: {
    optimizeDeps: { exclude: ["@tensorflow/tfjs-backend-wasm"] },
  },
});
