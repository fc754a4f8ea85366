package dev.pao.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Paths outside the API that match nothing answer a plain 404 page instead of the container's error
 * text (which names the exception, the container's message ids and internal headers). The API's own
 * unknown paths keep the JSON error envelope.
 */
@WebFilter(filterName = "notFoundPage", urlPatterns = "/*")
public class NotFoundPageFilter extends HttpFilter {
  private static final byte[] PAGE =
      """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Not found - PAO</title></head>
      <body><main><h1>Not found</h1>
      <p>There is nothing at this address. The portal is at <a href="/">/</a>, the API under
      <a href="/api/v1/health">/api/v1</a>, its description at <a href="/openapi/ui">/openapi/ui</a>.</p>
      </main></body></html>
      """
          .getBytes(StandardCharsets.UTF_8);

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      chain.doFilter(request, response);
      return;
    }
    NotFoundCatcher catcher = new NotFoundCatcher(response);
    try {
      chain.doFilter(request, catcher);
    } catch (ServletException e) {
      if (!(e.getRootCause() instanceof FileNotFoundException)) {
        throw e;
      }
      catcher.notFound = true;
    } catch (FileNotFoundException e) {
      catcher.notFound = true;
    }
    if (catcher.notFound && !response.isCommitted()) {
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setContentType("text/html;charset=UTF-8");
      response.setContentLength(PAGE.length);
      response.getOutputStream().write(PAGE);
    }
  }

  /** Holds back the container's own 404 so the filter can answer it. */
  private static final class NotFoundCatcher extends HttpServletResponseWrapper {
    private boolean notFound;

    NotFoundCatcher(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (status == SC_NOT_FOUND) {
        notFound = true;
      } else if (message == null) {
        super.sendError(status);
      } else {
        super.sendError(status, message);
      }
    }
  }
}
