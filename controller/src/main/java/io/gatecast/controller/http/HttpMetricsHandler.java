package io.gatecast.controller.http;

import io.gatecast.controller.metrics.Metrics;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Times every HTTP request and labels it with the pattern of the route that serves it
 * ({@code /api/v1/screens/:id}), so one screen's id does not become a metric of its own. The label
 * is found by matching the request against the router's exact routes in order (a failed request
 * keeps the label of the route it was meant for); anything else is {@code unmatched}.
 * Written here instead of using vertx-micrometer-metrics, which silently loses the HTTP metrics
 * with Vert.x core 5.1.1.
 */
public final class HttpMetricsHandler implements Handler<RoutingContext> {
  private record RoutePattern(String label, Set<HttpMethod> methods, Pattern regex) {}

  private final Router router;
  private final Metrics metrics;
  private volatile List<RoutePattern> patterns;

  public HttpMetricsHandler(Router router, Metrics metrics) {
    this.router = router;
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(done -> metrics.httpRequest(ctx.request().method().name(), label(ctx.request().method(),
        ctx.request().path()), ctx.response().getStatusCode(), System.nanoTime() - start));
    ctx.next();
  }

  private String label(HttpMethod method, String path) {
    if (path == null) {
      return "unmatched";
    }
    for (RoutePattern pattern : patterns()) {
      if ((pattern.methods().isEmpty() || pattern.methods().contains(method)) && pattern.regex().matcher(path).matches()) {
        return pattern.label();
      }
    }
    return "unmatched";
  }

  /** Built on the first request, when every route is mounted. */
  private List<RoutePattern> patterns() {
    List<RoutePattern> built = patterns;
    if (built == null) {
      built = new ArrayList<>();
      for (Route route : router.getRoutes()) {
        String path = route.getPath();
        // Vert.x keeps routes with :params as regular expressions; their path is still the pattern.
        boolean template = path != null && path.contains("/:");
        if (path == null || (!template && (route.isRegexPath() || !route.isExactPath()))) {
          continue;
        }
        StringBuilder regex = new StringBuilder();
        for (String segment : path.split("/", -1)) {
          if (!regex.isEmpty() || !segment.isEmpty()) {
            regex.append('/');
          }
          regex.append(segment.startsWith(":") ? "[^/]+" : Pattern.quote(segment));
        }
        Set<HttpMethod> methods = route.methods() == null ? Set.of() : route.methods();
        built.add(new RoutePattern(path, methods, Pattern.compile(regex.isEmpty() ? "/" : regex.toString())));
      }
      patterns = built;
    }
    return built;
  }
}
