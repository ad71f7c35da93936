// /docs: starts Swagger UI (api/static/build/swagger-ui/, from the npm package swagger-ui-dist)
// over the app's OpenAPI document. A file rather than an inline script, as the pages' Content
// Security Policy allows scripts from this origin only; no validator badge, which would load an
// image from elsewhere.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") return;
  window.SwaggerUIBundle({
    url: root.getAttribute("data-openapi"),
    domNode: root,
    deepLinking: false,     // a link inside each operation's summary button is a control within a control (axe: nested-interactive)
    validatorUrl: null,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
})();
