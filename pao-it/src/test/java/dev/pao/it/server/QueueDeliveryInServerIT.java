package dev.pao.it.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.pao.queue.domain.QueueMessage;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URI;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Inside the server, without HTTP: a message sent to the action queue travels through the resource
 * adapter and the message-driven bean to the {@code QueueMessageHandler} bean of its type, with its
 * body, group and first delivery. The deployment is the test server's WAR ({@code pao-it-probes})
 * plus this test and its handler.
 */
@ExtendWith(ArquillianServer.class)
@ExtendWith(ArquillianExtension.class)
class QueueDeliveryInServerIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("pao.test.war")))
        .addClasses(QueueDeliveryInServerIT.class, EchoHandler.class, ArquillianServer.class);
  }

  @Inject EchoHandler handler;

  @Test
  void aQueuedMessageReachesTheHandlerOfItsType() throws InterruptedException {
    String group = "in-server-" + UUID.randomUUID();
    String marker = UUID.randomUUID().toString();
    try (SqsClient sqs = sqs()) {
      sqs.sendMessage(
          r ->
              r.queueUrl(System.getenv("PAO_QUEUE_URL"))
                  .messageGroupId(group)
                  .messageDeduplicationId(marker)
                  .messageBody(
                      "{\"type\":\"" + EchoHandler.TYPE + "\",\"marker\":\"" + marker + "\"}"));
    }
    QueueMessage message = handler.next(30);
    assertNotNull(message, "no message reached the handler within 30 s");
    assertEquals(EchoHandler.TYPE, message.type());
    assertEquals(marker, message.body().get("marker"));
    assertEquals(group, message.groupId());
    assertEquals(1, message.deliveryCount());
  }

  private static SqsClient sqs() {
    return SqsClient.builder()
        .endpointOverride(URI.create(System.getenv("PAO_SQS_ENDPOINT")))
        .region(Region.of(System.getenv("PAO_SQS_REGION")))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    System.getenv("PAO_SQS_ACCESS_KEY_ID"),
                    System.getenv("PAO_SQS_SECRET_ACCESS_KEY"))))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
