// Build the browser bundles of the analyst pages into api/static/build/ (gitignored).
//   npm ci && node build.mjs
// Everything comes from node_modules (installed from the npm registry by package-lock.json);
// nothing is fetched at run time.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "api", "static", "build");
mkdirSync(out, { recursive: true });

const entries = {
  "sparql-editor": join(here, "src", "sparql-editor.js"),
  graph: join(here, "src", "graph.js"),
};

await build({
  entryPoints: entries,
  outdir: out,
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2019"],
  legalComments: "linked",
  sourcemap: false,
  logLevel: "warning",
});

// Swagger UI for /docs comes prebuilt in swagger-ui-dist: copied as it is, less its source-map
// comments (the maps are not copied, a browser's developer tools would ask for them in vain)
const swagger = join(here, "node_modules", "swagger-ui-dist");
const swaggerOut = join(out, "swagger-ui");
mkdirSync(swaggerOut, { recursive: true });
for (const name of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
  const text = readFileSync(join(swagger, name), "utf8").replace(/\n?\/[/*]# sourceMappingURL=\S+?(\*\/)?\s*$/, "\n");
  writeFileSync(join(swaggerOut, name), text);
}
for (const name of ["LICENSE", "NOTICE", "swagger-ui-bundle.js.LICENSE.txt"]) {
  copyFileSync(join(swagger, name), join(swaggerOut, name));
}

// The county boundaries of the map on /statistik (drawn on the server, api/charts.py): the paths of
// @svg-maps/sweden's sweden.svg as JSON, so that Python needs no SVG parser; its licence (CC BY 4.0,
// which asks for the credit the page prints under the map) goes beside it
const sweden = join(here, "node_modules", "@svg-maps", "sweden");
const svg = readFileSync(join(sweden, "sweden.svg"), "utf8");
const attr = (tag, name) => (tag.match(new RegExp(`\\s${name}="([^"]*)"`)) || [])[1];
const counties = [...svg.matchAll(/<path\b[^>]*>/g)].map(([tag]) => ({
  id: attr(tag, "id"), name: attr(tag, "name"), path: attr(tag, "d"),
}));
if (counties.length !== 21 || counties.some((c) => !c.id || !c.name || !c.path)) {
  throw new Error(`sweden.svg: expected 21 counties with id, name and d, found ${counties.length}`);
}
const swedenPkg = JSON.parse(readFileSync(join(sweden, "package.json"), "utf8"));
writeFileSync(join(out, "sweden-counties.json"), JSON.stringify({
  source: `${swedenPkg.name} ${swedenPkg.version}`,
  license: swedenPkg.license,
  attribution: "svg-maps / MapSVG, CC BY 4.0",
  viewBox: attr(svg.match(/<svg\b[^>]*>/)[0], "viewBox"),
  counties,
}) + "\n");
copyFileSync(join(sweden, "LICENSE.md"), join(out, "sweden-counties.LICENSE.md"));

const pkg = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
writeFileSync(join(out, "manifest.json"), JSON.stringify({
  built: new Date().toISOString(),
  bundles: [...Object.keys(entries).map((n) => `${n}.js`), "swagger-ui/swagger-ui-bundle.js", "swagger-ui/swagger-ui.css",
            "sweden-counties.json"],
  packages: pkg.devDependencies,
}, null, 2) + "\n");
console.log(`front-end bundles written to ${out}`);
