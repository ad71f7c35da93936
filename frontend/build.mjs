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

const pkg = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
writeFileSync(join(out, "manifest.json"), JSON.stringify({
  built: new Date().toISOString(),
  bundles: [...Object.keys(entries).map((n) => `${n}.js`), "swagger-ui/swagger-ui-bundle.js", "swagger-ui/swagger-ui.css"],
  packages: pkg.devDependencies,
}, null, 2) + "\n");
console.log(`front-end bundles written to ${out}`);
