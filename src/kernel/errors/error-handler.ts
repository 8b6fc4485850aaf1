import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./app-error.ts";

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith("/api/")) return true;
  const accept = request.headers.accept ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

/** Maps Fastify's own errors (body parsing, limits) onto AppError codes. */
function toAppError(error: FastifyError | AppError, request: FastifyRequest): AppError | null {
  if (error instanceof AppError) return error;
  const limit = request.routeOptions?.config?.uploadLimit;
  switch (error.code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return new AppError(
        "PAYLOAD_TOO_LARGE",
        limit ? `The file is larger than the ${limit} limit, so it was not read` : "The upload is too large",
      );
    case "FST_ERR_CTP_BODY_TOO_LARGE":
    case "FST_FILES_LIMIT":
    case "FST_PARTS_LIMIT":
      return new AppError("PAYLOAD_TOO_LARGE", "The upload is too large");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", "That kind of request body is not accepted");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new AppError("BAD_REQUEST", "The request could not be read");
  }
  // The multipart parser's own errors (a body cut short, no boundary) carry no status.
  if (
    !error.statusCode &&
    /multipart/i.test(error.message) &&
    /^multipart\//i.test(request.headers["content-type"] ?? "")
  ) {
    return new AppError("BAD_REQUEST", "The upload could not be read: it was cut short or is not a form upload");
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError("BAD_REQUEST", "The request could not be read");
  }
  return null;
}

const pageTitles: Record<number, string> = {
  400: "The request could not be read",
  401: "Sign in to continue",
  403: "You cannot do that",
  404: "Page not found",
  405: "That cannot be done here",
  409: "That has changed",
  413: "The upload is too large",
  415: "That kind of request is not accepted",
  429: "Too many requests",
  500: "Sorry, there is a problem with the service",
  503: "Sorry, the service is unavailable",
};

export function renderError(request: FastifyRequest, reply: FastifyReply, status: number, appError: AppError | null) {
  if (wantsJson(request)) {
    return reply
      .code(status)
      .send({ error: { code: appError?.code ?? "INTERNAL", message: appError?.message ?? pageTitles[500] } });
  }
  const template = status === 404 ? "errors/404.njk" : status >= 500 ? "errors/500.njk" : "errors/error.njk";
  return reply.code(status).view(template, {
    title: pageTitles[status] ?? "There is a problem",
    status,
    message: appError?.message,
    code: appError?.code,
    requestId: request.id,
  });
}

/** The single place where errors become HTTP responses. No stack trace ever reaches a user. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error, request);
    if (appError?.code === "UNAUTHENTICATED" && !wantsJson(request) && request.method === "GET") {
      const returnTo = encodeURIComponent(request.url);
      return reply.redirect(`/sign-in?returnTo=${returnTo}`, 303);
    }
    if (!appError) {
      request.log.error({ err: error }, "unhandled error");
      return renderError(request, reply, 500, null);
    }
    if (appError.code === "CSRF") request.log.warn({ url: request.url }, "csrf check failed");
    if (appError.details.retryAfterSeconds) reply.header("retry-after", String(appError.details.retryAfterSeconds));
    return renderError(request, reply, appError.status, appError);
  });
  app.setNotFoundHandler((request, reply) => renderError(request, reply, 404, AppError.notFound()));
}
