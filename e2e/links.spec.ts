/**
 * Every link and asset reference in the built site points at a file that exists, and every
 * `#fragment` at an element with that id. Reads the files in the build folder; no browser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import { CHAPTERS } from "./helpers";

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** The built site, as `playwright.config.ts` serves it. */
const OUT_DIR = resolve(
  fileURLToPath(new URL("..", import.meta.url)),
  process.env["E2E_OUT_DIR"] ?? "dist",
);

/** The path the site was built under, with a slash at both ends: "/" or "/repository/". */
const BASE = ((trimmed) => (trimmed === "" ? "/" : `/${trimmed}/`))(
  (process.env["BASE_PATH"] ?? "/").replace(/^\/+|\/+$/g, ""),
);

/** The origin canonical links name (`SITE_URL`, defaulting as `astro.config.mjs` does). */
const SITE = new URL(process.env["SITE_URL"] ?? "https://example.github.io").origin;

/** Attributes that name another file or an anchor, by the elements that carry them. */
const REFERENCES: Record<string, readonly string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  script: ["src"],
  img: ["src"],
  source: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  iframe: ["src"],
};

/**
 * The HTML files under `dir`, as paths relative to the build folder. A folder with its own
 * `_astro/` is another build (`dist/base-path/` inside `dist/`), so it is left out.
 */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return existsSync(join(path, "_astro")) ? [] : htmlFiles(path);
    }
    return name.endsWith(".html") ? [relative(OUT_DIR, path).split(sep).join("/")] : [];
  });
}

/** Every element in document order, looking inside <template> too. */
function* elements(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if (!("tagName" in child)) continue;
    yield child;
    yield* elements(child);
    if ("content" in child) yield* elements(child.content);
  }
}

/** One parsed page: the ids an anchor can name, and the URLs it refers to. */
interface Page {
  ids: Set<string>;
  references: string[];
}

/**
 * The page a host serves for any missing path. Starlight gives it a canonical link to
 * `/404/`, which names no file by design: the page is never meant to be found at a URL.
 */
const NOT_FOUND = "404.html";

const pages = new Map<string, Page>();

/** The page at `file` (relative to the build folder), parsed once. */
function page(file: string): Page {
  const cached = pages.get(file);
  if (cached) return cached;
  const found: Page = { ids: new Set(), references: [] };
  for (const element of elements(parse(readFileSync(join(OUT_DIR, file), "utf8")))) {
    const attrs = new Map(element.attrs.map(({ name, value }) => [name, value]));
    const id = attrs.get("id") ?? (element.tagName === "a" ? attrs.get("name") : undefined);
    if (id !== undefined) found.ids.add(id);
    if (file === NOT_FOUND && attrs.get("rel") === "canonical") continue;
    for (const name of REFERENCES[element.tagName] ?? []) {
      const value = attrs.get(name);
      if (value !== undefined) found.references.push(value);
    }
  }
  pages.set(file, found);
  return found;
}

/** The URL a file is served at: `a/index.html` at `/base/a/`, `404.html` as it is. */
function urlOf(file: string): URL {
  return new URL(BASE + file.replace(/(^|\/)index\.html$/, "$1"), SITE);
}

/** The file a same-site path is served from, or why there is none. */
function fileFor(pathname: string): { file: string } | { problem: string } {
  if (!pathname.startsWith(BASE)) return { problem: `outside the base path ${BASE}` };
  const path = decodeURIComponent(pathname.slice(BASE.length));
  const file = path === "" || path.endsWith("/") ? `${path}index.html` : path;
  return existsSync(join(OUT_DIR, file)) ? { file } : { problem: `no file ${file}` };
}

/** What is wrong with `reference` on the page at `from`, or null when it resolves. */
function check(reference: string, from: string): string | null {
  const url = new URL(reference, urlOf(from));
  if (url.origin !== SITE) return null;
  const target = fileFor(url.pathname);
  if ("problem" in target) return target.problem;
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment === "" || !target.file.endsWith(".html")) return null;
  return page(target.file).ids.has(fragment) ? null : `no id "${fragment}" in ${target.file}`;
}

const FILES = htmlFiles(OUT_DIR);

test("the link check reads every chapter", () => {
  const chapterFiles = CHAPTERS.map((chapter) => `${chapter.path}index.html`);
  expect(FILES).toEqual(expect.arrayContaining(chapterFiles));
});

for (const file of FILES) {
  test(`every link and asset on ${urlOf(file).pathname} resolves`, () => {
    const broken = page(file)
      .references.map((reference) => ({ reference, problem: check(reference, file) }))
      .filter(({ problem }) => problem !== null)
      .map(({ reference, problem }) => `${reference}: ${problem}`);
    expect(broken).toEqual([]);
  });
}
