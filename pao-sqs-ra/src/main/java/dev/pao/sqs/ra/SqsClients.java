package dev.pao.sqs.ra;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** Builds the adapter's SQS client: short connect timeout, reads long enough for a long poll. */
final class SqsClients {
  private SqsClients() {}

  static SqsClient create(BridgeSettings settings) {
    Duration read = settings.waitTime().plusSeconds(10);
    SqsClientBuilder builder =
        SqsClient.builder()
            .region(Region.of(settings.region()))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(2))
                    .socketTimeout(read))
            .overrideConfiguration(o -> o.apiCallTimeout(read.plusSeconds(5)));
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
}
