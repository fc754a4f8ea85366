/**
 * A small JCA 2.1 inbound resource adapter that feeds an SQS FIFO queue to message-driven beans
 * implementing {@code jakarta.jms.MessageListener}.
 *
 * <p>Each activation runs up to {@code maxConcurrency} pollers on threads of their own (long polls
 * and long handlers would otherwise hold threads of the server's shared pool). A poller receives
 * one message at a time (so a message that fails never drags the next message of its group into a
 * receive, which would raise that message's receive count), hands it to the bean as the SQS JMS
 * library's {@code SQSTextMessage}, and deletes it only after {@code onMessage} returned normally;
 * a throwing bean leaves it for redelivery (and, after the queue's {@code maxReceiveCount}, the
 * dead-letter queue). The queue keeps a group blocked while one of its messages is in flight, so a
 * group is processed in order while different groups run in parallel. While the bean works, a
 * heartbeat extends the message's visibility.
 */
package dev.pao.sqs.ra;
