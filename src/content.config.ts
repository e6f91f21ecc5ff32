import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { docsSchema } from "@astrojs/starlight/schema";

/** The chapters live in the top-level `content/` folder, one MDX file each. */
export const collections = {
  docs: defineCollection({
    loader: glob({ base: "./content", pattern: "**/*.{md,mdx}" }),
    schema: docsSchema(),
  }),
};
