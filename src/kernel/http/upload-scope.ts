import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";

/**
 * Registers routes that take one uploaded file in a scope of their own, so multipart parsing
 * applies to them only. The form's fields come back on the body, so the kernel's CSRF check
 * reads `_csrf` like any other form; a file over `fileSize` arrives marked truncated instead of
 * throwing, so the route can name the field in the error summary.
 */
export function fileUploadScope(
  app: FastifyInstance,
  fileSize: number,
  routes: (scope: FastifyInstance) => void,
): void {
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: true,
      throwFileSizeLimit: false,
      limits: { fileSize, files: 1, fields: 5, fieldSize: 1024 },
    });
    routes(scope);
  });
}
