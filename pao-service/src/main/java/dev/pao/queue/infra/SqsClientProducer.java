package dev.pao.queue.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** The one SQS client of the application, with short timeouts so a dead broker is seen quickly. */
@ApplicationScoped
public class SqsClientProducer {
  @Inject SqsSettings settings;

  @Produces
  @ApplicationScoped
  SqsClient sqsClient() {
    SqsClientBuilder builder =
        SqsClient.builder()
            .region(Region.of(settings.region()))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(2))
                    .socketTimeout(Duration.ofSeconds(25)))
            .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30)));
    settings.endpoint().map(URI::create).ifPresent(builder::endpointOverride);
    if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(
                  settings.accessKeyId().get(), settings.secretAccessKey().get())));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
  }

  void close(@Disposes SqsClient client) {
    client.close();
  }
}
