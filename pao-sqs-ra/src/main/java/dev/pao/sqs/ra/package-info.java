/**
 * A small JCA 2.1 inbound resource adapter that feeds an SQS FIFO queue to message-driven beans
 * implementing {@code jakarta.jms.MessageListener}: the activation spec and its validated settings,
 * one {@link dev.pao.sqs.ra.InboundQueue} per activated bean with its pollers, batched deletes,
 * visibility heartbeat, outage back-off and JMX counters ({@link dev.pao.sqs.ra.BridgeStatsMBean}).
 *
 * <p>Each activation runs up to {@code maxConcurrency} pollers on threads of their own (long polls
 * and long handlers would otherwise hold threads of the server's shared pool). A poller receives
 * one message at a time (so a message that fails never drags the next message of its group into a
 * receive, which would raise that message's receive count), hands it to the bean as the SQS JMS
 * library's {@code SQSTextMessage}, and passes it on to be deleted, up to ten per call, only after
 * {@code onMessage} returned normally; a throwing bean gets the message made visible again after
 * {@code redeliveryDelaySeconds} for redelivery (and, after the queue's {@code maxReceiveCount},
 * the dead-letter queue). The queue keeps a group blocked while one of its messages is in flight,
 * so a group is processed in order while different groups run in parallel. While the bean works, a
 * heartbeat renews the message's visibility every third of the timeout. Failed calls back off from
 * 250 ms to 5 s, and an outage is logged once when it starts and once when it ends. Stopping (the
 * server shutting down) receives nothing more, gives the messages in progress {@code
 * shutdownGraceSeconds}, then interrupts their beans and releases at once the messages whose bean
 * threw, and flushes the deletes of those whose bean returned.
 */
package dev.pao.sqs.ra;
