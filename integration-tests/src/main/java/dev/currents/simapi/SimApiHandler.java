package dev.currents.simapi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/** The Jetty side of the simulator: turns a Jetty request into an {@link Exchange}, records it, answers it. */
final class SimApiHandler extends Handler.Abstract {
    private final Responder responder;
    private final RequestLog log;

    SimApiHandler(Responder responder, RequestLog log) {
        this.responder = responder;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Exchange exchange = toExchange(request);
        Responder.Decision decision = responder.decide(exchange);
        log.add(ReceivedRequest.of(exchange, decision.answer()));
        Runnable deliver = () -> JettyAnswers.deliver(decision.answer(), request, response, callback);
        if (decision.delay().isZero()) {
            deliver.run();
        } else {
            // Scheduled rather than slept, so slow answers hold no thread however many clients wait.
            Scheduler scheduler = getServer().getScheduler();
            scheduler.schedule(deliver, decision.delay());
        }
        return true;
    }

    private static Exchange toExchange(Request request) throws IOException {
        Instant receivedAt = Instant.now();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        // Read whole: bodies are small JSON, and a fully read request keeps the connection reusable.
        ByteBuffer body = Content.Source.asByteBuffer(request);
        int bodyBytes = body.remaining();
        String query = request.getHttpURI().getQuery();
        return new Exchange(receivedAt, request.isSecure() ? "https" : "http",
                request.getConnectionMetaData().getHttpVersion().asString(), request.getMethod(),
                request.getHttpURI().getPath(), query == null ? "" : query, headers,
                StandardCharsets.UTF_8.decode(body).toString(), bodyBytes, Request.getRemotePort(request));
    }
}
