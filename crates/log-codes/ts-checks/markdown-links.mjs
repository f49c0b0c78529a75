// Renders every Markdown page given, or below the directories given, as VitePress does (markdown-it with
// `linkify`, HTML allowed), and fails when a page links anywhere but to an anchor of a page or
// to another page of the docs: cell text such as `www.example.com` or `evil.com/login` must stay
// text. Usage: node markdown-links.mjs PATH…
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt({ html: true, linkify: true });

function pages(dir) {
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pages(path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

const found = process.argv.slice(2).flatMap(pages);
assert.ok(found.length > 0, `no Markdown page below ${process.argv.slice(2).join(", ")}`);
for (const page of found) {
  const html = markdown.render(readFileSync(page, "utf8"));
  const links = [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]);
  const elsewhere = links.filter((href) => !href.startsWith("#") && !/^[\w./-]*\.md$/.test(href));
  assert.deepEqual(elsewhere, [], `${page} links out of the docs`);
}
console.log(`markdown-it (linkify): ${found.length} pages link only to the docs' own pages and anchors`);
