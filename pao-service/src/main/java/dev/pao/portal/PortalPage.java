package dev.pao.portal;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The portal's one HTML page at {@code /}: the template {@code WEB-INF/portal/index.html} with the
 * versioned addresses of the stylesheet and the modules (an import map, so modules import each
 * other by plain relative paths). The page itself is never cached, so a new deployment is seen at
 * once; its assets are (see {@link AssetCacheFilter}).
 */
@WebServlet(
    name = "portalPage",
    urlPatterns = {"", "/index.html"})
public class PortalPage extends HttpServlet {
  private static final String TEMPLATE = "/WEB-INF/portal/index.html";

  private byte[] page;

  @Override
  public void init() throws ServletException {
    PortalAssets assets = PortalAssets.of(getServletContext());
    String template;
    try (InputStream in = getServletContext().getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new ServletException("The portal template " + TEMPLATE + " is missing");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ServletException(e);
    }
    page =
        template
            .replace("%IMPORT_MAP%", importMap(assets))
            .replace("%STYLESHEET%", assets.address(PortalAssets.PREFIX + "portal.css"))
            .replace("%APP%", assets.address(PortalAssets.PREFIX + "app.js"))
            .getBytes(StandardCharsets.UTF_8);
  }

  private static String importMap(PortalAssets assets) {
    return assets.versions().entrySet().stream()
        .filter(entry -> entry.getKey().endsWith(".js"))
        .map(PortalPage::mapping)
        .collect(Collectors.joining(",\n      ", "{\"imports\": {\n      ", "\n    }}"));
  }

  private static String mapping(Map.Entry<String, String> asset) {
    // Asset names are file names of this WAR ([a-z0-9-.]), safe inside a JSON string.
    return "\"" + asset.getKey() + "\": \"" + asset.getKey() + "?v=" + asset.getValue() + "\"";
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setContentLength(page.length);
    response.getOutputStream().write(page);
  }
}
