// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import mdx from "@astrojs/mdx";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";

// GitHub Pages serves a project site under /<repo>/; the deploy workflow passes it in.
const base = process.env.BASE_PATH ?? "/";
const site = process.env.SITE_URL ?? "https://example.github.io";

/**
 * CSP hashes of the `<script is:inline>` blocks in Starlight's components, which Astro copies
 * into the page as they are written and leaves out of the hashes it computes itself (theme
 * and sidebar state are restored inline, before first paint). Reading them from the installed
 * package keeps the policy right across Starlight updates.
 */
function starlightInlineScriptHashes() {
  // A direct dependency, so npm installs it here; Astro may load this file where
  // `import.meta.resolve` is missing.
  const components = new URL("./node_modules/@astrojs/starlight/components/", import.meta.url);
  /** @type {`sha256-${string}`[]} */
  const hashes = [];
  for (const name of readdirSync(components).filter((file) => file.endsWith(".astro"))) {
    const source = readFileSync(new URL(name, components), "utf8");
    for (const [, body = ""] of source.matchAll(/<script is:inline[^>]*>([\s\S]*?)<\/script>/g)) {
      hashes.push(`sha256-${createHash("sha256").update(body).digest("base64")}`);
    }
  }
  return hashes;
}

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  // Astro hashes the styles it inlines into a page but not those of components used inside
  // the chapters' MDX, so every stylesheet stays a file, which style-src 'self' allows.
  build: { inlineStylesheets: "never" },
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
        { label: "Playground", slug: "playground" },
      ],
      lastUpdated: false,
      pagination: true,
    }),
    mdx(),
  ],
  // The policy reaches the page as a <meta> tag, since GitHub Pages sets no headers. Astro adds
  // script-src and style-src with a hash for each script and style it bundles or inlines.
  experimental: {
    csp: {
      scriptDirective: {
        // WebAssembly, not eval. tfjs and Pagefind compile theirs in workers, which follow
        // the policy sent with their own script rather than this tag; it is needed where
        // Pagefind falls back to the page, and where a host sends this policy as a header.
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: starlightInlineScriptHashes(),
      },
      directives: [
        "default-src 'self'",
        // Pagefind's index and the examples' .wasm files, fetched from the site itself.
        "connect-src 'self'",
        // Vite inlines assets under 4 kB as data: URLs: one KaTeX font, Starlight's icons.
        "font-src 'self' data:",
        "img-src 'self' data:",
        // The training worker is a module from the site's own /_astro/.
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        // TODO: style-src-attr is joined onto another entry because Astro 5 accepts only the
        // directive names on its list, matched by prefix, and style-src-attr is not one. KaTeX
        // and Expressive Code lay out with style="" attributes, and 'unsafe-inline' in
        // style-src would be ignored beside Astro's hashes. Give it its own entry once Astro
        // takes attribute sources. See: https://github.com/withastro/astro/issues/16233
        "form-action 'self'; style-src-attr 'unsafe-inline'",
      ],
    },
  },
  vite: {
    optimizeDeps: { exclude: ["@tensorflow/tfjs-backend-wasm"] },
  },
});
