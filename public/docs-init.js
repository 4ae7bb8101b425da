// Boots Swagger UI on /docs against our own OpenAPI document. Kept in a file (not
// inline) so the page passes the strict Content-Security-Policy.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    docExpansion: "list",
  });
});
