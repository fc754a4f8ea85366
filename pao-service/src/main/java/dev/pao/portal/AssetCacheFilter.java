package dev.pao.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Cache headers of the portal's static files: an address carrying the file's current content hash
 * never changes its content, so it is cached for a year without revalidation; any other address (an
 * old or missing version) must be revalidated.
 */
@WebFilter(filterName = "portalAssetCache", urlPatterns = "/assets/*")
public class AssetCacheFilter extends HttpFilter {
  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean current =
        PortalAssets.of(request.getServletContext()).current(path, request.getParameter("v"));
    response.setHeader(
        "Cache-Control", current ? "public, max-age=31536000, immutable" : "no-cache");
    response.setHeader("X-Content-Type-Options", "nosniff");
    chain.doFilter(request, response);
  }
}
