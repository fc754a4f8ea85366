package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * A Java client generated from the served document (openapi-generator, java/native) compiles and
 * works: it submits a request with a development token and reads it back.
 */
class OpenApiClientIT {
  private static final String PACKAGE = "dev.pao.client";

  @TempDir Path work;

  @Test
  void generatedClientSubmitsARequestAndReadsItBack() throws Exception {
    Api api = TestStack.api();
    Api.Answer document = api.get("/openapi?format=JSON");
    assertEquals(200, document.status(), document.raw());
    Path spec = Files.writeString(work.resolve("openapi.json"), document.raw());
    long start = System.nanoTime();
    Path sources = generate(spec, work.resolve("client"));
    long generated = System.nanoTime();
    Path classes = compile(sources, work.resolve("classes"));
    System.out.printf(
        "client generated in %d ms, compiled in %d ms%n",
        (generated - start) / 1_000_000, (System.nanoTime() - generated) / 1_000_000);
    String token = api.token("client@example.com", List.of("team-data"), List.of());

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object requests = requestsApi(loader, TestStack.get().server().baseUrl(), token);
      Object submitRequest =
          loader.loadClass(PACKAGE + ".model.SubmitRequest").getConstructor().newInstance();
      call(submitRequest, "setCatalogItemId", "event-driven-service");
      call(submitRequest, "setFormData", Map.of("name", "order-events"));

      Object submitted = invoke(requests, "submitRequest", submitRequest);
      Object created = call(submitted, "getData");
      UUID id = (UUID) call(created, "getId");
      assertNotNull(call(created, "getStatus"), "status of the submitted request");
      assertEquals("event-driven-service", call(created, "getCatalogItemId"));
      assertNotNull(call(call(submitted, "getMeta"), "getCorrelationId"));

      Object read = call(invoke(requests, "getRequest", id.toString()), "getData");
      assertEquals(id, call(read, "getId"));
      Object status = call(read, "getStatus");
      assertNotNull(status, "status read back");
      assertTrue(
          List.of("submitted", "queued", "in_progress", "completed").contains(status.toString()),
          "status: " + status);

      Throwable missing =
          assertThrowsCause(() -> invoke(requests, "getRequest", UUID.randomUUID().toString()));
      assertEquals(PACKAGE + ".ApiException", missing.getClass().getName());
      assertEquals(404, call(missing, "getCode"));
    }
  }

  private static Path generate(Path spec, Path out) {
    CodegenConfigurator configurator =
        new CodegenConfigurator()
            .setGeneratorName("java")
            .setLibrary("native")
            .setInputSpec(spec.toString())
            .setOutputDir(out.toString())
            .setInvokerPackage(PACKAGE)
            .setApiPackage(PACKAGE + ".api")
            .setModelPackage(PACKAGE + ".model")
            .addAdditionalProperty("useJakartaEe", true)
            .addAdditionalProperty("openApiNullable", false)
            .addAdditionalProperty("hideGenerationTimestamp", true);
    ClientOptInput input = configurator.toClientOptInput();
    DefaultGenerator generator = new DefaultGenerator();
    generator.setGeneratorPropertyDefault(CodegenConstants.API_TESTS, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_TESTS, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.API_DOCS, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_DOCS, "false");
    List<File> files = generator.opts(input).generate();
    assertTrue(files.size() > 20, "generated: " + files);
    return out.resolve("src/main/java");
  }

  private static Path compile(Path sources, Path classes) throws IOException {
    Files.createDirectories(classes);
    List<File> javaFiles;
    try (Stream<Path> walk = Files.walk(sources)) {
      javaFiles = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertNotNull(compiler, "a system Java compiler (run on a JDK)");
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(javaFiles);
      String classpath =
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      List<String> options =
          List.of(
              "-d",
              classes.toString(),
              "-classpath",
              classpath,
              "-proc:none",
              "-nowarn",
              "-encoding",
              "UTF-8",
              "--release",
              "17");
      Boolean ok = compiler.getTask(output, files, null, options, null, units).call();
      assertTrue(ok, "generated client does not compile:\n" + output);
    }
    return classes;
  }

  private static Object requestsApi(ClassLoader loader, String baseUrl, String token)
      throws ReflectiveOperationException {
    Class<?> clientType = loader.loadClass(PACKAGE + ".ApiClient");
    Object client = clientType.getConstructor().newInstance();
    clientType.getMethod("updateBaseUri", String.class).invoke(client, baseUrl);
    Consumer<HttpRequest.Builder> bearer = b -> b.header("Authorization", "Bearer " + token);
    clientType.getMethod("setRequestInterceptor", Consumer.class).invoke(client, bearer);
    return loader
        .loadClass(PACKAGE + ".api.RequestsApi")
        .getConstructor(clientType)
        .newInstance(client);
  }

  /** Calls an API method by name: the given argument where its type fits, null elsewhere. */
  private static Object invoke(Object api, String name, Object argument) throws Exception {
    for (Method method : api.getClass().getMethods()) {
      if (!method.getName().equals(name)) {
        continue;
      }
      Class<?>[] types = method.getParameterTypes();
      Object[] args = new Object[types.length];
      boolean placed = false;
      for (int i = 0; i < types.length; i++) {
        if (!placed && types[i].isInstance(argument)) {
          args[i] = argument;
          placed = true;
        }
      }
      if (placed) {
        try {
          return method.invoke(api, args);
        } catch (InvocationTargetException e) {
          throw (Exception) e.getCause();
        }
      }
    }
    throw new AssertionError("the generated " + api.getClass().getSimpleName() + " has no " + name);
  }

  private static Object call(Object target, String name, Object... args) throws Exception {
    for (Method method : target.getClass().getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == args.length) {
        return method.invoke(target, args);
      }
    }
    throw new AssertionError(target.getClass().getName() + " has no " + name);
  }

  private static Throwable assertThrowsCause(ThrowingCall call) {
    try {
      call.run();
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }
}
